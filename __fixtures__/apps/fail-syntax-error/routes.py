from flask import Flask, jsonify, request

PRODUCTS = {1: {"name": "Lamp", "price": 39.0}, 2: {"name": "Desk", "price": 249.0}}


def register_routes(app: Flask) -> None:
    @app.get("/products")
    def list_products():
        limit = int(request.args.get("limit", 20))
        return jsonify(list(PRODUCTS.values())[:limit]

    @app.get("/products/<int:product_id>")
    def get_product(product_id: int):
        return jsonify(PRODUCTS[product_id])
