# The project's own settings module, named like the standard library's `secrets`: next to app.py it is found
# first, so `import secrets` in the app (or in any library it imports) gets this file.
API_KEY = "test-key"
