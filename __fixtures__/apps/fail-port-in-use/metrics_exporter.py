import os
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT = int(os.environ.get("METRICS_PORT", os.environ.get("PORT", "9100")))


class MetricsHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"app_up 1\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


HTTPServer(("0.0.0.0", PORT), MetricsHandler).serve_forever()
