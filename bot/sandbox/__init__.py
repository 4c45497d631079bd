"""A local Bot API-compatible server with a web chat, for running and testing the bot offline."""
