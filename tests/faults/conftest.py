# The local chat-completions server the summaries tests use, for the fault tests too.
from tests.summaries.conftest import chat_server  # noqa: F401
