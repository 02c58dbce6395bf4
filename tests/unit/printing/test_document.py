from pos_client.printing.document import Barcode, PrintDocument, Text


def test_the_preview_centres_what_prints_centred_and_shows_barcodes_by_their_text() -> None:
    document = PrintDocument((Text("Shop", big=True, center=True), Text("left"), Barcode("R:T1-5")))
    rows = document.as_text(width=20).splitlines()
    assert rows == ["        Shop", "left", "   ||| R:T1-5 |||"]
