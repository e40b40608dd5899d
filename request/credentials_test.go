package request

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The made-up secrets of the credentials tests.
const (
	envSecret     = "kT3vX9qLw2Rb8NcZ5hYf1JpD7sGm4QeA6uVoE0iW"
	defaultSecret = "Xp4Qm8Rt2Vw6Yz0Bc3Df7Gh1Jk5Ln9Pq2St6Uv0W"
	workSecret    = "Wc9Lm2Np5Qr8St1Uv4Wx7Yz0Ab3Cd6Ef9Gh2Jk5L"
)

// writeCredentials writes a shared credentials file and returns its path.
func writeCredentials(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// getenv returns a lookup in env, standing for os.Getenv.
func getenv(env map[string]string) func(string) string {
	return func(name string) string { return env[name] }
}

func TestLoadCredentials(t *testing.T) {
	file := writeCredentials(t, `# shared credentials
[default]
aws_access_key_id = AKIADEFAULTPROFILE01
aws_secret_access_key = `+defaultSecret+`

[work]
aws_access_key_id=ASIAWORKPROFILE00001
aws_secret_access_key=`+workSecret+`
aws_session_token=IQoJb3JpZ2luX2VjE+a/token==

[half]
aws_access_key_id = AKIAHALFPROFILE00001

[secretonly]
aws_secret_access_key = `+defaultSecret+`
`)
	for _, c := range []struct {
		name string
		env  map[string]string
		want Credentials
	}{{
		name: "environment",
		env:  map[string]string{"AWS_ACCESS_KEY_ID": "AKIAQWERTYUIOPASDFGH", "AWS_SECRET_ACCESS_KEY": envSecret},
		want: Credentials{"AKIAQWERTYUIOPASDFGH", envSecret, ""},
	}, {
		name: "environment with session token",
		env:  map[string]string{"AWS_ACCESS_KEY_ID": "ASIAQWERTYUIOPASDFGH", "AWS_SECRET_ACCESS_KEY": envSecret, "AWS_SESSION_TOKEN": "tok/en+=="},
		want: Credentials{"ASIAQWERTYUIOPASDFGH", envSecret, "tok/en+=="},
	}, {
		name: "environment before the file",
		env:  map[string]string{"AWS_ACCESS_KEY_ID": "AKIAQWERTYUIOPASDFGH", "AWS_SECRET_ACCESS_KEY": envSecret, "AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "work"},
		want: Credentials{"AKIAQWERTYUIOPASDFGH", envSecret, ""},
	}, {
		name: "default profile",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file},
		want: Credentials{"AKIADEFAULTPROFILE01", defaultSecret, ""},
	}, {
		name: "session token alone in the environment does not count",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file, "AWS_SESSION_TOKEN": "stray"},
		want: Credentials{"AKIADEFAULTPROFILE01", defaultSecret, ""},
	}, {
		name: "named profile",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "work"},
		want: Credentials{"ASIAWORKPROFILE00001", workSecret, "IQoJb3JpZ2luX2VjE+a/token=="},
	}, {
		name: "file under HOME",
		env:  map[string]string{"HOME": homeWith(t, file)},
		want: Credentials{"AKIADEFAULTPROFILE01", defaultSecret, ""},
	}} {
		t.Run(c.name, func(t *testing.T) {
			got, err := LoadCredentials(getenv(c.env))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}

	for _, c := range []struct {
		name string
		env  map[string]string
		err  string // the whole error message
	}{{
		name: "only the key in the environment",
		env:  map[string]string{"AWS_ACCESS_KEY_ID": "AKIAQWERTYUIOPASDFGH", "AWS_SHARED_CREDENTIALS_FILE": file},
		err:  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together",
	}, {
		name: "only the secret in the environment",
		env:  map[string]string{"AWS_SECRET_ACCESS_KEY": envSecret, "AWS_SHARED_CREDENTIALS_FILE": file},
		err:  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together",
	}, {
		name: "missing profile",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "play"},
		err:  file + ` has no profile "play"`,
	}, {
		name: "profile without a secret",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "half"},
		err:  `profile "half" of ` + file + " lacks aws_access_key_id or aws_secret_access_key",
	}, {
		name: "profile without a key",
		env:  map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "secretonly"},
		err:  `profile "secretonly" of ` + file + " lacks aws_access_key_id or aws_secret_access_key",
	}, {
		name: "nothing at all",
		env:  map[string]string{},
		err:  "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_SHARED_CREDENTIALS_FILE",
	}} {
		t.Run(c.name, func(t *testing.T) {
			got, err := LoadCredentials(getenv(c.env))
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			if err.Error() != c.err {
				t.Errorf("error:\n%s\nwant:\n%s", err, c.err)
			}
			if got != (Credentials{}) {
				t.Errorf("credentials %+v returned with the error", got)
			}
		})
	}
}

// homeWith returns a home directory whose .aws/credentials is a copy of
// file.
func homeWith(t *testing.T, file string) string {
	t.Helper()
	home := t.TempDir()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, ".aws"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".aws", "credentials"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

// TestLoadCredentialsUnreadable covers files that are missing or not
// credentials files: the error names the file and says what is wrong,
// and never quotes the file, whose lines hold secrets.
func TestLoadCredentialsUnreadable(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	_, err := LoadCredentials(getenv(map[string]string{"AWS_SHARED_CREDENTIALS_FILE": missing}))
	if err == nil || !strings.HasPrefix(err.Error(), "no credentials: AWS_ACCESS_KEY_ID is not set and the credentials file cannot be read: ") ||
		!strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: error %v", err)
	}
	_, err = LoadCredentials(getenv(map[string]string{"HOME": t.TempDir()}))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(".aws", "credentials")) {
		t.Errorf("HOME without .aws/credentials: error %v", err)
	}

	for name, text := range map[string]string{
		"unclosed section": "[default\naws_access_key_id = AKIADEFAULTPROFILE01\naws_secret_access_key = " + defaultSecret + "\n",
		"secret section":   "[" + defaultSecret + "\naws_access_key_id = AKIADEFAULTPROFILE01\n",
		"no delimiter":     "[default]\naws_access_key_id = AKIADEFAULTPROFILE01\naws_secret_access_key " + defaultSecret + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			file := writeCredentials(t, text)
			_, err := LoadCredentials(getenv(map[string]string{"AWS_SHARED_CREDENTIALS_FILE": file}))
			if err == nil {
				t.Fatal("no error")
			}
			if want := file + " is not a valid credentials file"; err.Error() != want {
				t.Errorf("error:\n%s\nwant:\n%s", err, want)
			}
			if strings.Contains(err.Error(), defaultSecret) || strings.Contains(err.Error(), defaultSecret[:12]) {
				t.Errorf("the error quotes the secret: %s", err)
			}
		})
	}
}
