"""pos-client: the cashier terminal of an omnichannel loyalty programme."""

__version__ = "0.1.0"
