import os

import stripe

stripe.api_key = os.environ.get("STRIPE_SECRET_KEY", "")


def create_checkout_session(amount_cents: int) -> dict:
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=[{"price_data": {"currency": "usd", "unit_amount": amount_cents, "product_data": {"name": "Plan"}}, "quantity": 1}],
        success_url="https://example.com/ok",
    )
    return {"id": session.id}
