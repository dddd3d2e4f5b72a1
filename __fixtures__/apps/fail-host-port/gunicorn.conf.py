# Gunicorn settings for the container: the port is fixed here, whatever PORT the host gives.
workers = 2
bind = "0.0.0.0:8000"
accesslog = "-"
