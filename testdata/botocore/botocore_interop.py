"""What botocore, AWS's Python SDK, makes of Import/Export requests.

Run by request/botocore_test.go with one command as argument:

model      prints the operations of botocore's API model (required, optional
           and list members, the error codes each can answer, the values of
           booleans, integers and enums)
           and the endpoints and signing names of its endpoint rule set, as
           JSON.
capture    prints, as JSON, the whole HTTP requests botocore sends for every
           operation, signed with Signature Version 4 (as botocore signs
           Import/Export) and with its SigV2Auth, at a fixed time, with the
           credentials of the environment; and GetStatus sent to the FIPS
           and dual-stack endpoints.
sign       reads requests as JSON on standard input and prints the
           signatures botocore's SigV4Auth and SigV2Auth give them.

A missing botocore exits with status 3 and says so on standard error.
"""

import datetime
import json
import os
import sys
import time
import urllib.parse
from unittest import mock

try:
    import botocore.auth
    import botocore.config
    import botocore.credentials
    import botocore.session
    from botocore.awsrequest import AWSRequest
except ImportError as e:
    print("botocore is not installed: %s" % e, file=sys.stderr)
    sys.exit(3)

SERVICE = "importexport"
URL = "https://importexport.amazonaws.com/"
CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
# The fixed time every request is signed at.
WHEN = datetime.datetime(2026, 11, 21, 18, 0, 0)
MANIFEST = (
    "manifestVersion: 2.0\n"
    "accessKeyId: AKIAQWERTYUIOPASDFGH\n"
    "deviceId: WD-1234\n"
    "bucket: photos-2026-archive\n"
    "eraseDevice: yes\n"
    "returnAddress:\n"
    "    name: Jane Doe\n"
    "    street1: 1200 Harbor Way\n"
    "    city: Seattle\n"
    "    stateOrProvince: WA\n"
    "    postalCode: 98101\n"
    "    phoneNumber: +1 206 555 0100\n"
    "    country: USA\n"
)

# Every operation with the parameters botocore is called with.
OPERATIONS = [
    ("CreateJob", "create_job", dict(JobType="Import", Manifest=MANIFEST, ValidateOnly=False)),
    ("CreateJob ValidateOnly", "create_job", dict(JobType="Import", Manifest=MANIFEST, ValidateOnly=True, APIVersion="2.0")),
    ("UpdateJob", "update_job", dict(JobId="ABC12", JobType="Import", Manifest=MANIFEST, ValidateOnly=False)),
    ("UpdateJob ValidateOnly", "update_job", dict(JobId="ABC12", JobType="Import", Manifest=MANIFEST, ValidateOnly=True)),
    ("GetStatus", "get_status", dict(JobId="ABC12")),
    ("CancelJob", "cancel_job", dict(JobId="ABC12")),
    ("ListJobs", "list_jobs", dict(MaxJobs=10, Marker="ABC12")),
    ("GetShippingLabel", "get_shipping_label", dict(
        jobIds=["ABC12", "DEF34"], name="Jane Doe", company="Example & Co.", phoneNumber="+1 206 555 0100",
        country="USA", stateOrProvince="WA", city="Seattle", postalCode="98101",
        street1="1200 Harbor Way", street2="Suite 100", street3="c/o Jane Doe", APIVersion="2.0")),
]


def model():
    loader = botocore.session.get_session().get_component("data_loader")
    service = loader.load_service_model(SERVICE, "service-2")
    ops = {}
    values = {}
    for name, op in service["operations"].items():
        shape = service["shapes"][op["input"]["shape"]]
        members = list(shape["members"])
        ops[name] = {
            "required": shape.get("required", []),
            "members": members,
            "lists": [m for m in members if service["shapes"][shape["members"][m]["shape"]]["type"] == "list"],
            "errors": [e["shape"] for e in op.get("errors", [])],
        }
        for m in members:
            member = service["shapes"][shape["members"][m]["shape"]]
            if member["type"] in ("boolean", "integer") or "enum" in member:
                values[m] = {"type": member["type"], "enum": member.get("enum", [])}
    rules = loader.load_service_model(SERVICE, "endpoint-rule-set-1")
    endpoints = []

    def walk(rs):
        for r in rs:
            if r["type"] == "tree":
                walk(r["rules"])
            elif r["type"] == "endpoint":
                url = r["endpoint"]["url"]
                schemes = r["endpoint"].get("properties", {}).get("authSchemes", [])
                endpoints.append({
                    "url": url if isinstance(url, str) else "",
                    "signing": [[s["name"], s.get("signingName", ""), s.get("signingRegion", "")] for s in schemes],
                })

    walk(rules["rules"])
    print(json.dumps({"apiVersion": service["metadata"]["apiVersion"], "operations": ops, "values": values, "endpoints": endpoints}))


def credentials(token):
    return botocore.credentials.Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], token)


def raw(request):
    """The request as it goes on the wire."""
    url = urllib.parse.urlsplit(request.url)
    lines = ["%s %s HTTP/1.1" % (request.method, url.path or "/"), "Host: " + url.netloc]
    for name, value in request.headers.items():
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        lines.append("%s: %s" % (name, value))
    body = request.body
    if isinstance(body, str):
        body = body.encode("utf-8")
    return "\r\n".join(lines) + "\r\n\r\n" + body.decode("utf-8")


def capture():
    out = []
    for token in (None, os.environ["AWS_SESSION_TOKEN"]):
        session = botocore.session.get_session()
        session.set_credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], token)
        client = session.create_client(SERVICE, region_name="us-east-1")
        sent = []

        def keep(request, **kwargs):
            sent.append(request)
            raise KeyboardInterrupt  # stop before anything goes out

        client.meta.events.register("before-send.*", keep)
        for name, method, params in OPERATIONS:
            with mock.patch("botocore.auth.get_current_datetime", return_value=WHEN):
                try:
                    getattr(client, method)(**params)
                except KeyboardInterrupt:
                    pass
            v4 = sent.pop()
            variant = " session token" if token else ""
            out.append({"name": name + variant + " v4", "version": 4, "request": raw(v4), "params": params})
            # The same parameters signed with SigV2Auth, as botocore signs
            # services of Signature Version 2.
            data = urllib.parse.parse_qsl(v4.body.decode("utf-8") if isinstance(v4.body, bytes) else v4.body, keep_blank_values=True)
            v2 = AWSRequest(method="POST", url=URL, data=dict(data), headers={"Content-Type": CONTENT_TYPE})
            with mock.patch("time.gmtime", return_value=WHEN.timetuple()):
                botocore.auth.SigV2Auth(credentials(token)).add_auth(v2)
            out.append({"name": name + variant + " v2", "version": 2, "request": raw(v2.prepare()), "params": params})
    # The FIPS and dual-stack endpoints sign the same way.
    for fips, dual in ((True, False), (False, True), (True, True)):
        session = botocore.session.get_session()
        session.set_credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
        config = botocore.config.Config(use_fips_endpoint=fips, use_dualstack_endpoint=dual)
        client = session.create_client(SERVICE, region_name="us-west-2", config=config)
        sent = []

        def keep(request, **kwargs):
            sent.append(request)
            raise KeyboardInterrupt

        client.meta.events.register("before-send.*", keep)
        with mock.patch("botocore.auth.get_current_datetime", return_value=WHEN):
            try:
                client.get_status(JobId="ABC12")
            except KeyboardInterrupt:
                pass
        name = "GetStatus" + (" fips" if fips else "") + (" dual-stack" if dual else "") + " v4"
        out.append({"name": name, "version": 4, "request": raw(sent.pop()), "params": {"JobId": "ABC12"}})
    print(json.dumps(out))


def sign():
    out = []
    for r in json.load(sys.stdin):
        creds = botocore.credentials.Credentials(r["accessKeyId"], os.environ["AWS_SECRET_ACCESS_KEY"], r.get("sessionToken") or None)
        when = datetime.datetime.strptime(r["time"], "%Y-%m-%dT%H:%M:%SZ")
        if r["version"] == 4:
            req = AWSRequest(method="POST", url=URL, data=r["body"].encode("utf-8"), headers={"Content-Type": CONTENT_TYPE})
            with mock.patch("botocore.auth.get_current_datetime", return_value=when):
                botocore.auth.SigV4Auth(creds, "IngestionService", "us-east-1").add_auth(req)
            out.append(req.headers["Authorization"])
        else:
            req = AWSRequest(method="POST", url=URL)
            params = dict((p["Name"], p["Value"]) for p in r["params"])
            out.append(botocore.auth.SigV2Auth(creds).calc_signature(req, params)[1])
    print(json.dumps(out))


if __name__ == "__main__":
    {"model": model, "capture": capture, "sign": sign}[sys.argv[1]]()
