"""A small HTTP client that reads and submits HTML forms the way a browser does.

No application code is imported: everything goes over HTTP to 127.0.0.1. Forms are
parsed from the page (hidden fields, CSRF tokens, the selected options), changed
field by field, and sent with the button a person would press.
"""

import http.client
import secrets
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str
    url: str

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def cache(self) -> str | None:
        """What the page cache says about this response: "hit", "miss" or None."""
        return self.headers.get("X-Page-Cache")

    def form(self, **match) -> "Form":
        """The first form on the page whose attributes contain ``match``."""
        forms = parse_forms(self.text, self.url)
        for form in forms:
            if all(match_value in (form.attrs.get(k) or "") for k, match_value in match.items()):
                return form
        found = [f.attrs for f in forms]
        raise AssertionError(f"No form {match} on {self.url} ({self.status}); forms: {found}")


class Browser:
    """One visitor: keeps cookies (unless ``cookies=False``), follows no redirect unasked."""

    def __init__(self, base_url: str, *, cookies: bool = True, timeout: float = 30):
        parsed = urllib.parse.urlsplit(base_url)
        assert parsed.hostname == "127.0.0.1", "journeys talk to loopback only"
        self.base_url = base_url.rstrip("/")
        self.host, self.port = parsed.hostname, parsed.port
        self.keep_cookies = cookies
        self.cookies: dict[str, str] = {}
        self.timeout = timeout

    def request(self, method, path, *, body=None, headers=None, follow=False) -> Response:
        for _hop in range(10):
            url = urllib.parse.urljoin(self.base_url + "/", path)
            target = urllib.parse.urlsplit(url)
            send = {"Host": f"{self.host}:{self.port}", "Accept-Language": "en"}
            if self.cookies:
                send["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            send.update(headers or {})
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                request_path = target.path + (f"?{target.query}" if target.query else "")
                connection.request(method, request_path, body=body, headers=send)
                raw = connection.getresponse()
                text = raw.read().decode("utf-8", "replace")
            finally:
                connection.close()
            if self.keep_cookies:
                for value in raw.headers.get_all("Set-Cookie") or []:
                    jar = SimpleCookie()
                    jar.load(value)
                    for name, morsel in jar.items():
                        if morsel["max-age"] == "0" or not morsel.value:
                            self.cookies.pop(name, None)
                        else:
                            self.cookies[name] = morsel.value
            response = Response(raw.status, raw.headers, text, url)
            if follow and raw.status in (301, 302, 303, 307, 308):
                path = raw.headers["Location"]
                if raw.status in (301, 302, 303):
                    method, body = "GET", None
                    headers = {k: v for k, v in (headers or {}).items() if k != "Content-Type"}
                continue
            return response
        raise AssertionError(f"Too many redirects from {path}")

    def get(self, path, *, headers=None, follow=False) -> Response:
        return self.request("GET", path, headers=headers, follow=follow)

    def post(self, path, data: list[tuple[str, str]], *, follow=False) -> Response:
        body = urllib.parse.urlencode(data).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body=body, headers=headers, follow=follow)

    def submit(self, form: "Form", *, button: str | None = None, follow=True) -> Response:
        action = form.action_of(button)
        if form.files:
            return self.post_multipart(action, form.data(button=button), form.files)
        return self.post(action, form.data(button=button), follow=follow)

    def post_multipart(self, path, data, files: dict[str, tuple[str, bytes, str]]) -> Response:
        """A form with ``enctype="multipart/form-data"`` and chosen files, as browsers send it."""
        boundary = f"----journeys{secrets.token_hex(8)}"
        parts = []
        for name, value in data:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content, content_type) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            )
            parts.append(head.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request("POST", path, body=body, headers=headers)


@dataclass
class Control:
    tag: str
    name: str
    type: str = ""
    value: str = ""
    checked: bool = False
    disabled: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)
    multiple: bool = False
    formaction: str = ""  # A submit button that sends its form elsewhere.


@dataclass
class Form:
    attrs: dict
    url: str
    controls: list[Control] = field(default_factory=list)
    files: dict = field(default_factory=dict)  # name -> (filename, content, content type)

    @property
    def action(self) -> str:
        return urllib.parse.urljoin(self.url, self.attrs.get("action") or self.url)

    def names(self) -> set[str]:
        return {c.name for c in self.controls}

    def _named(self, name: str) -> list[Control]:
        found = [c for c in self.controls if c.name == name]
        assert found, f"The form has no field {name!r}; it has {sorted(self.names())}"
        return found

    def get(self, name: str) -> str:
        return dict(self.data()).get(name, "")

    def set(self, name: str, value) -> "Form":
        """Type into a field, pick an option, or tick a checkbox (True/False)."""
        controls = self._named(name)
        control = controls[0]
        if control.type == "radio":
            for c in controls:
                c.checked = c.value == str(value)
        elif control.type == "checkbox":
            for c in controls:
                if isinstance(value, bool):
                    c.checked = value
                elif c.value == str(value):
                    c.checked = True
        elif control.tag == "select":
            values = [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
            known = {v for v, _s in control.options}
            # An autocomplete widget adds the chosen option with JavaScript.
            control.options = [(v, v in values) for v, _s in control.options] + [
                (v, True) for v in values if v not in known
            ]
        else:
            control.value = str(value)
        return self

    def attach(self, name: str, filename: str, content: bytes, content_type: str) -> "Form":
        """Choose a file for the file input ``name``."""
        assert self._named(name)[0].type == "file", f"{name} is not a file input"
        assert "multipart" in self.attrs.get("enctype", ""), "the form cannot send files"
        self.files[name] = (filename, content, content_type)
        return self

    def tick(self, name: str, value: str) -> "Form":
        """Tick the checkbox ``name`` whose value is ``value`` (e.g. a row in a list)."""
        boxes = [c for c in self._named(name) if c.value == str(value)]
        assert boxes, f"No checkbox {name}={value} in the form"
        boxes[0].checked = True
        return self

    def buttons(self) -> list[Control]:
        return [c for c in self.controls if c.type in ("submit", "image")]

    def action_of(self, button: str | None) -> str:
        """Where pressing ``button`` sends the form: its ``formaction``, else the form's."""
        for c in self.buttons():
            if button is not None and button in (c.name, f"{c.name}={c.value}") and c.formaction:
                return urllib.parse.urljoin(self.url, c.formaction)
        return self.action

    def data(self, *, button: str | None = None) -> list[tuple[str, str]]:
        data = []
        for c in self.controls:
            if c.disabled or not c.name:
                continue
            if c.type in ("submit", "image", "button", "reset"):
                if button is not None and button in (c.name, f"{c.name}={c.value}"):
                    data.append((c.name, c.value))
                continue
            if c.type in ("checkbox", "radio"):
                if c.checked:
                    data.append((c.name, c.value or "on"))
            elif c.tag == "select":
                selected = [v for v, s in c.options if s]
                if not selected and c.options and not c.multiple:
                    selected = [c.options[0][0]]
                data.extend((c.name, v) for v in selected)
            elif c.type == "file":
                continue
            else:
                data.append((c.name, c.value))
        return data


class _FormParser(HTMLParser):
    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.by_id: dict[str, Form] = {}
        self.current: Form | None = None
        self.orphans: list[tuple[str, Control]] = []  # controls with form="id"
        self.select: Control | None = None
        self.option: list | None = None
        self.textarea: Control | None = None

    def _add(self, control: Control, attrs: dict):
        owner = attrs.get("form")
        if owner:
            self.orphans.append((owner, control))
        elif self.current is not None:
            self.current.controls.append(control)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.current = Form(attrs=a, url=self.url)
            self.forms.append(self.current)
            if a.get("id"):
                self.by_id[a["id"]] = self.current
        elif tag == "input":
            kind = a.get("type", "text").lower()
            self._add(
                Control(
                    "input",
                    a.get("name", ""),
                    kind,
                    a.get("value", "on" if kind in ("checkbox", "radio") else ""),
                    checked="checked" in a,
                    disabled="disabled" in a,
                ),
                a,
            )
        elif tag == "button":
            self._add(
                Control(
                    "button",
                    a.get("name", ""),
                    a.get("type", "submit").lower(),
                    a.get("value", ""),
                    formaction=a.get("formaction", ""),
                ),
                a,
            )
        elif tag == "select":
            self.select = Control(
                "select", a.get("name", ""), disabled="disabled" in a, multiple="multiple" in a
            )
            self._add(self.select, a)
        elif tag == "option" and self.select is not None:
            self.option = [a.get("value"), "selected" in a, ""]
        elif tag == "textarea":
            self.textarea = Control("textarea", a.get("name", ""), "textarea", "")
            self.textarea.disabled = "disabled" in a
            self._add(self.textarea, a)

    def handle_data(self, data):
        if self.option is not None:
            self.option[2] += data
        elif self.textarea is not None:
            self.textarea.value += data

    def _close_option(self):
        if self.option is not None and self.select is not None:
            value, selected, text = self.option
            self.select.options.append((value if value is not None else text.strip(), selected))
        self.option = None

    def handle_endtag(self, tag):
        if tag == "option":
            self._close_option()
        elif tag == "select":
            self._close_option()
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # Browsers drop the newline right after <textarea>.
            if self.textarea.value.startswith("\n"):
                self.textarea.value = self.textarea.value[1:]
            self.textarea = None
        elif tag == "form":
            self.current = None


def parse_forms(html: str, url: str) -> list[Form]:
    parser = _FormParser(url)
    parser.feed(html)
    parser.close()
    for owner, control in parser.orphans:
        if owner in parser.by_id:
            parser.by_id[owner].controls.append(control)
    return parser.forms
