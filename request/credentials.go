package request

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/iekit/iekit/internal/inputfile"
	"gopkg.in/ini.v1"
)

// LoadCredentials finds the credentials to sign with, as the AWS tools do:
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) from
// the environment; otherwise the profile AWS_PROFILE ("default" when
// unset) of the shared credentials file, AWS_SHARED_CREDENTIALS_FILE or
// ~/.aws/credentials. getenv reads the environment (os.Getenv).
func LoadCredentials(getenv func(string) string) (Credentials, error) {
	if id, secret := getenv("AWS_ACCESS_KEY_ID"), getenv("AWS_SECRET_ACCESS_KEY"); id != "" || secret != "" {
		if id == "" || secret == "" {
			return Credentials{}, errors.New("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together")
		}
		return Credentials{id, secret, getenv("AWS_SESSION_TOKEN")}, nil
	}
	path := getenv("AWS_SHARED_CREDENTIALS_FILE")
	if path == "" {
		home := getenv("HOME")
		if home == "" {
			return Credentials{}, errors.New("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_SHARED_CREDENTIALS_FILE")
		}
		path = filepath.Join(home, ".aws", "credentials")
	}
	profile := getenv("AWS_PROFILE")
	if profile == "" {
		profile = "default"
	}
	data, err := inputfile.Read(path, 0) // a regular file: never a FIFO or /dev/zero
	if err != nil {
		return Credentials{}, fmt.Errorf("no credentials: AWS_ACCESS_KEY_ID is not set and the credentials file cannot be read: %w", err)
	}
	file, err := ini.Load(data)
	if err != nil {
		// The parser's message may quote a line of the file, secret and all.
		return Credentials{}, fmt.Errorf("%s is not a valid credentials file", path)
	}
	section, err := file.GetSection(profile)
	if err != nil {
		return Credentials{}, fmt.Errorf("%s has no profile %q", path, profile)
	}
	c := Credentials{
		AccessKeyID:     section.Key("aws_access_key_id").String(),
		SecretAccessKey: section.Key("aws_secret_access_key").String(),
		SessionToken:    section.Key("aws_session_token").String(),
	}
	if c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return Credentials{}, fmt.Errorf("profile %q of %s lacks aws_access_key_id or aws_secret_access_key", profile, path)
	}
	return c, nil
}
