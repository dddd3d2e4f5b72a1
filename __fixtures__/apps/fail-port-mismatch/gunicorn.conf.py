# Gunicorn settings for the container.
workers = 2
bind = "0.0.0.0:8088"
accesslog = "-"
