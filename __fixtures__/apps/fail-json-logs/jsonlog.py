import json
import logging


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and the traceback when there is one."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry)
