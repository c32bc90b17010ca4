import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from comments import captcha


def test_a_challenge_survives_the_round_trip():
    challenge = captcha.new_challenge(article_id=7)
    assert 1 <= challenge.a <= 9 and 1 <= challenge.b <= 9
    read = captcha.read_challenge(challenge.token, article_id=7)
    assert read == challenge


def test_nonces_differ_between_questions():
    nonces = {captcha.new_challenge(article_id=1).nonce for _ in range(20)}
    assert len(nonces) == 20


@pytest.mark.parametrize("spaces", ["{}", " {} ", "\t{}\n", "  {}"])
def test_answers_with_spaces_around_them_are_accepted(spaces):
    challenge = captcha.new_challenge(article_id=1)
    assert challenge.is_answered_by(spaces.format(challenge.a + challenge.b))


@pytest.mark.parametrize("answer", ["", "abc", "1 8", "9+9", "18.0", "-", "9" * 500])
def test_wrong_or_garbage_answers_fail_without_errors(answer):
    challenge = captcha.Challenge(a=9, b=9, article_id=1, nonce="n", token="t", started=0.0)
    assert not challenge.is_answered_by(answer)


def test_wrong_number_fails():
    challenge = captcha.new_challenge(article_id=1)
    assert not challenge.is_answered_by(str(challenge.a + challenge.b + 1))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "x" + token,
        lambda token: "",
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_token_is_refused(tamper):
    token = captcha.new_challenge(article_id=1).token
    with pytest.raises(captcha.ChallengeError) as error:
        captcha.read_challenge(tamper(token), article_id=1)
    assert error.value.code == "invalid"


def test_changing_the_numbers_in_the_payload_breaks_the_signature():
    import base64
    import json

    token = captcha.new_challenge(article_id=1).token
    payload, rest = token.split(":", 1)
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["a"], data["b"] = 1, 1
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    with pytest.raises(captcha.ChallengeError):
        captcha.read_challenge(f"{forged}:{rest}", article_id=1)


def test_a_token_is_bound_to_its_article():
    token = captcha.new_challenge(article_id=1).token
    with pytest.raises(captcha.ChallengeError) as error:
        captcha.read_challenge(token, article_id=2)
    assert error.value.code == "foreign"


def test_a_token_expires_after_thirty_minutes(settings):
    assert settings.COMMENTS_CHALLENGE_MAX_AGE == 30 * 60
    with time_machine.travel(datetime(2026, 6, 1, 12, 0, tzinfo=UTC), tick=False) as traveller:
        challenge = captcha.new_challenge(article_id=1)
        traveller.shift(timedelta(minutes=29, seconds=59))
        assert captcha.read_challenge(challenge.token, article_id=1) == challenge
        traveller.shift(timedelta(seconds=2))
        with pytest.raises(captcha.ChallengeError) as error:
            captcha.read_challenge(challenge.token, article_id=1)
    assert error.value.code == "expired"


def test_a_question_says_when_the_form_was_first_shown():
    assert captcha.new_challenge(article_id=1).seconds_since_start() < 5
    earlier = captcha.new_challenge(article_id=1, started=time.time() - 30)
    read = captcha.read_challenge(earlier.token, article_id=1)
    assert 29 <= read.seconds_since_start() < 35


def test_a_carried_start_is_never_older_than_a_question_lives(settings):
    ancient = captcha.new_challenge(article_id=1, started=time.time() - 86_400)
    assert ancient.seconds_since_start() <= settings.COMMENTS_CHALLENGE_MAX_AGE + 1
    future = captcha.new_challenge(article_id=1, started=time.time() + 3600)
    assert -1 < future.seconds_since_start() < 5


def test_a_token_without_its_start_is_refused():
    from django.core import signing

    old_style = signing.dumps(
        {"a": 1, "b": 2, "article": 1, "nonce": "n"}, salt=captcha.CHALLENGE_SALT
    )
    with pytest.raises(captcha.ChallengeError) as error:
        captcha.read_challenge(old_style, article_id=1)
    assert error.value.code == "invalid"
