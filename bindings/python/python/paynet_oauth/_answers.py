"""The gateway's answers: :class:`EndpointBalance` and :class:`Balance`, amounts as
:class:`decimal.Decimal` with the digits the gateway sent (``219.500`` stays
``219.500``). The native module builds them by walking the balance fields of the
``paynet-bind`` layer, passing each field by its Python name."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Optional

__all__ = ["EndpointBalance", "Balance"]


@dataclass(frozen=True)
class EndpointBalance:
    """The balance of an endpoint for a balance provider. Immutable."""

    #: ``balance-amount``.
    balance_amount: Decimal
    #: Any other fields of the answer, as text.
    extra: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"EndpointBalance(balance_amount={self.balance_amount!r})"


@dataclass(frozen=True)
class Balance:
    """One balance of a manager or a merchant. Immutable; the optional fields are
    ``None`` when the gateway left them out or sent ``null``."""

    #: ``name``.
    name: str
    #: ``amount``, short-term hold and rolling reserve included.
    amount: Decimal
    #: ``online-balance-live-amount``: amount minus hold minus reserve.
    online_balance_live_amount: Optional[Decimal] = None
    #: ``total-short-term-hold-amount``.
    total_short_term_hold_amount: Optional[Decimal] = None
    #: ``total-rolling-reserve-amount``.
    total_rolling_reserve_amount: Optional[Decimal] = None
    #: ``currency``, e.g. ``USD``.
    currency: str = ""
    #: ``merchantLogin`` (manager answers only).
    merchant_login: Optional[str] = None
    #: ``externalMerchantIdentifier``.
    external_merchant_identifier: Optional[str] = None
    #: ``amount-buffer-hold``: outgoing operations without a final status.
    amount_buffer_hold: Optional[Decimal] = None
    #: Any other fields of the answer, as text.
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The fields as a dict (amounts stay ``Decimal``)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __repr__(self) -> str:
        shown = (f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name != "extra")
        return f"Balance({', '.join(s for s in shown if not s.endswith('=None'))})"
