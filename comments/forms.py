import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import captcha, rules
from .models import Comment, Report
from .services import challenge_is_used


def counter_text(count: int, over: int) -> str:
    """What the counter says; comments.js says the same (its strings are in djangojs)."""
    text = ngettext(
        "%(count)s / %(limit)s character", "%(count)s / %(limit)s characters", rules.MAX_LENGTH
    ) % {"count": count, "limit": rules.MAX_LENGTH}
    if over > 0:
        # U+2212, the minus sign: "−130".
        text += f" (\u2212{over})"
    return text


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=rules.NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Only editors see it; it is never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # No max_length, and no maxlength attribute, which would cut a paste short without a
    # word: the limit is counted in clean_text exactly as the browser's counter counts.
    text = forms.CharField(
        label=_("Comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "data-max-chars": rules.MAX_LENGTH}),
        error_messages={"required": _("Please write your comment.")},
    )
    notify = forms.BooleanField(
        label=_("Tell me when my comment is published or answered"),
        required=False,
        help_text=_("We first e-mail you a link to confirm the address."),
    )
    # The honeypot: hidden from people, tempting to bots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # The comment this one replies to (``?reply_to=N``); checked by services.reply_parent.
    parent = forms.CharField(required=False, widget=forms.HiddenInput)
    answer = forms.CharField(
        label=_("Human check"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4, "class": "answer"}
        ),
        error_messages={"required": _("Please answer the human check.")},
    )

    def __init__(
        self,
        data=None,
        *,
        article,
        challenge_required: bool = True,
        challenge: captcha.Challenge | None = None,
        initial=None,
        shared: bool = False,
    ):
        super().__init__(data, initial=initial)
        self.article = article
        self.challenge_required = challenge_required
        # The form every anonymous reader of a cached page gets: no CSRF token, no question;
        # comments.js fetches them (comments.views.comment_start) when the reader starts.
        self.shared = shared and challenge_required
        self.challenge: captcha.Challenge | None = None  # the answered one, once valid
        self.challenge_failed = False  # the reader needs a new question
        self.spent_challenge: captcha.Challenge | None = None  # to record as used
        self.fields["text"].help_text = ngettext(
            "At most %(max)s character.", "At most %(max)s characters.", rules.MAX_LENGTH
        ) % {"max": rules.MAX_LENGTH}
        if not challenge_required:
            del self.fields["token"]
            del self.fields["answer"]
        elif challenge is not None:
            self.show_challenge(challenge)
        elif self.is_bound:
            try:
                shown = captcha.read_challenge(
                    self.data.get("token", ""), article_id=self.article.pk
                )
            except captcha.ChallengeError:
                pass
            else:
                self._label_answer(shown)
        self.helper = self._build_helper()

    @staticmethod
    def question(challenge: captcha.Challenge) -> str:
        return gettext("Human check: %(a)s + %(b)s = ?") % {"a": challenge.a, "b": challenge.b}

    def _label_answer(self, challenge: captcha.Challenge) -> None:
        self.fields["answer"].label = self.question(challenge)
        self._bound_fields_cache.pop("answer", None)

    def show_challenge(self, challenge: captcha.Challenge) -> None:
        """Ask ``challenge`` (a new question): the previous answer is cleared."""
        if self.is_bound:
            data = self.data.copy()
            data["token"] = challenge.token
            data["answer"] = ""
            self.data = data
        else:
            self.initial["token"] = challenge.token
        self._bound_fields_cache.pop("token", None)
        self._label_answer(challenge)

    def _build_helper(self) -> FormHelper:
        helper = FormHelper(self)
        helper.form_id = "comment-form-fields"
        helper.form_action = (
            reverse("comments:create", kwargs={"public_id": self.article.public_id})
            + "#comment-form"
        )
        helper.attrs = {"novalidate": ""}
        if self.shared:
            helper.attrs["data-start"] = reverse(
                "comments:start", kwargs={"public_id": self.article.public_id}
            )
        fields = [
            "name",
            "email",
            "notify",
            Field("text"),
            HTML(self._counter_html()),
            Div("homepage", css_class="comment-hp", aria_hidden="true"),
            "parent",
        ]
        if self.shared:
            # Without JavaScript the question comes after sending, with every word kept.
            fields += [
                HTML(
                    format_html(
                        '<p class="form-text comment-check-later" id="comment-check-later">{}</p>',
                        gettext(
                            "After you send your comment, we ask one short sum to check "
                            "that you are human."
                        ),
                    )
                ),
                Div(
                    "token",
                    Field("answer", wrapper_class="comment-answer"),
                    css_id="comment-check",
                    hidden="hidden",
                ),
            ]
        elif self.challenge_required:
            fields += ["token", Field("answer", wrapper_class="comment-answer")]
        else:
            fields.append(
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>',
                        gettext("You are signed in as staff: no human check needed."),
                    )
                )
            )
        fields.append(
            HTML(
                format_html(
                    '<p class="form-text review-note">{}</p>',
                    gettext("Your comment will appear after editor review."),
                )
            )
        )
        helper.layout = Layout(*fields, Submit("send", gettext("Send comment")))
        return helper

    def _counter_html(self) -> str:
        """The counter as the server sees the text: "0 / 1200 characters" on a new form,
        how far over on a form sent back too long. The script keeps it up to date."""
        text = (self.data.get("text") if self.is_bound else self.initial.get("text")) or ""
        count = rules.comment_length(text)
        over = count - rules.MAX_LENGTH
        return format_html(
            '<p class="form-text char-counter{}" id="id_text_counter" aria-hidden="true">{}</p>',
            " is-over" if over > 0 else "",
            counter_text(count, over),
        )

    def clean_parent(self) -> int | None:
        # Any other value names no comment, and services.reply_parent says so.
        value = self.cleaned_data.get("parent", "").strip()
        if not value:
            return None
        return int(value) if value.isdigit() and len(value) < 19 else 0

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} for char in name):
            raise forms.ValidationError(
                gettext("Please write your name on one line, without special characters."),
                code="invalid",
            )
        return name

    def clean_text(self):
        text = rules.normalise_newlines(self.cleaned_data["text"])
        length = rules.comment_length(text)
        if length > rules.MAX_LENGTH or len(text) > rules.MAX_STORED_LENGTH:
            raise forms.ValidationError(
                ngettext(
                    "Please shorten your comment to at most %(max)s characters (it has %(count)s).",
                    "Please shorten your comment to at most %(max)s characters (it has %(count)s).",
                    rules.MAX_LENGTH,
                )
                % {"max": rules.MAX_LENGTH, "count": length},
                code="max_length",
            )
        if not text.strip():
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        return text.strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("notify") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email", gettext("Please give your e-mail address to be told by e-mail.")
            )
        if not self.challenge_required:
            return cleaned
        return check_challenge(self, cleaned, article_id=self.article.pk)

    def spam_signals(self) -> list[str]:
        """What the spam rules noticed about this (valid) submission."""
        signals = []
        if self.cleaned_data.get("homepage"):
            signals.append(Comment.SpamSignal.HONEYPOT)
        # The answered question says when the form was first shown (see captcha).
        if (
            self.challenge is not None
            and self.challenge.seconds_since_start() < settings.COMMENTS_MIN_SUBMIT_SECONDS
        ):
            signals.append(Comment.SpamSignal.TOO_FAST)
        if rules.count_links(self.cleaned_data.get("text", "")) > settings.COMMENTS_MAX_LINKS:
            signals.append(Comment.SpamSignal.LINKS)
        return [str(signal) for signal in signals]


def check_challenge(form, cleaned: dict, *, article_id: int) -> dict:
    """The human check of ``form`` (fields ``token`` and ``answer``), as the comment form
    and the report form ask it: sets ``form.challenge`` once answered; otherwise
    ``challenge_failed`` says a new question is needed, ``spent_challenge`` that a wrong
    answer used one up."""
    try:
        challenge = captcha.read_challenge(cleaned.get("token", ""), article_id=article_id)
    except captcha.ChallengeError as error:
        form.challenge_failed = True
        form.add_error("answer", error.message)
        return cleaned
    if challenge_is_used(nonce=challenge.nonce):
        form.challenge_failed = True
        form.add_error(
            "answer",
            gettext("This human check was already used. Please answer the new question."),
        )
        return cleaned
    if "answer" not in cleaned:  # left empty: the same question stays
        return cleaned
    if not challenge.is_answered_by(cleaned["answer"]):
        form.challenge_failed = True
        form.spent_challenge = challenge
        form.add_error(
            "answer", gettext("That answer is not right. Please answer the new question.")
        )
        return cleaned
    form.challenge = challenge
    return cleaned


class ReportForm(forms.Form):
    """A reader's report of one approved comment (``comments.views.comment_report``)."""

    reason = forms.ChoiceField(
        label=_("Why should editors look at this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a reason."),
            "invalid_choice": _("Please choose a reason."),
        },
    )
    note = forms.CharField(
        label=_("Note for the editors (optional)"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    answer = CommentForm.base_fields["answer"]

    def __init__(self, data=None, *, comment: Comment, challenge_required: bool = True):
        super().__init__(data)
        self.comment = comment
        self.challenge_required = challenge_required
        self.challenge: captcha.Challenge | None = None
        self.challenge_failed = False
        self.spent_challenge: captcha.Challenge | None = None
        self.fields["note"].help_text = ngettext(
            "At most %(max)s character.", "At most %(max)s characters.", Report.NOTE_MAX_LENGTH
        ) % {"max": Report.NOTE_MAX_LENGTH}
        if not challenge_required:
            del self.fields["token"]
            del self.fields["answer"]
        elif not self.is_bound:
            self.show_challenge(captcha.new_challenge(article_id=comment.article_id))
        else:
            try:
                shown = captcha.read_challenge(
                    self.data.get("token", ""), article_id=comment.article_id
                )
            except captcha.ChallengeError:
                pass
            else:
                self._label_answer(shown)
        self.helper = FormHelper(self)
        self.helper.form_id = "report-form"
        self.helper.attrs = {"novalidate": ""}
        fields = ["reason", "note"]
        if challenge_required:
            fields += ["token", Field("answer", wrapper_class="comment-answer")]
        self.helper.layout = Layout(*fields, Submit("send", gettext("Send report")))

    show_challenge = CommentForm.show_challenge
    question = staticmethod(CommentForm.question)
    _label_answer = CommentForm._label_answer

    def clean_note(self):
        note = rules.normalise_newlines(self.cleaned_data["note"])
        if len(note) > Report.NOTE_MAX_LENGTH:
            raise forms.ValidationError(
                gettext(
                    "Please shorten your note to at most %(max)s characters (it has %(count)s)."
                )
                % {"max": Report.NOTE_MAX_LENGTH, "count": len(note)},
                code="max_length",
            )
        return note

    def clean(self):
        cleaned = super().clean()
        if not self.challenge_required:
            return cleaned
        return check_challenge(self, cleaned, article_id=self.comment.article_id)
