"""The tmux terminal fixture, shared by the terminal coach tests."""

from tests.e2e.test_terminal_coach import terminal  # noqa: F401
