import os

import sentry_sdk
from sentry_sdk.integrations.flask import FlaskIntegration


def init_monitoring(app):
    sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), integrations=[FlaskIntegration()], traces_sample_rate=0.1)
