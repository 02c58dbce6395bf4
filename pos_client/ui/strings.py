"""Every text the window shows. `tr(key, **params)` formats one in the current language.

The English source texts live here, each in a Qt Linguist context; translations are Qt
Linguist files in resources/i18n (`make translations` updates the .ts from this table with
pyside6-lupdate and compiles the .qm the till loads with pyside6-lrelease).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from pos_client.core.money import format_money
from pos_client.resources import resource_path

LANGUAGES = {"ru": "Русский", "en": "English"}
SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> tuple[str, str]:  # noqa: N802
    """Marks `text` for pyside6-lupdate (which knows this name) and keeps its context."""
    return context, text


_TEXTS: dict[str, tuple[str, str]] = {
    # key: (context, English source text); Russian is in resources/i18n/pos_client_ru.ts
    "window_title": QT_TRANSLATE_NOOP("Till", "Till — {outlet}, terminal {terminal}"),
    "scan_placeholder": QT_TRANSLATE_NOOP(
        "Till", "Scan an item or a card, or type a barcode or a name and press Enter"
    ),
    "col_no": QT_TRANSLATE_NOOP("Till", "#"),
    "col_item": QT_TRANSLATE_NOOP("Till", "Item"),
    "col_qty": QT_TRANSLATE_NOOP("Till", "Qty"),
    "col_price": QT_TRANSLATE_NOOP("Till", "Price"),
    "col_sum": QT_TRANSLATE_NOOP("Till", "Amount"),
    "empty_receipt_hint": QT_TRANSLATE_NOOP("Till", "The receipt is empty — scan the first item"),
    "subtotal": QT_TRANSLATE_NOOP("Till", "Subtotal"),
    "discount": QT_TRANSLATE_NOOP("Till", "Discount"),
    "total": QT_TRANSLATE_NOOP("Till", "Total"),
    "points_to_earn": QT_TRANSLATE_NOOP("Payment", "Points to earn: {points}"),
    "points_paid": QT_TRANSLATE_NOOP("Payment", "Paid with points: {amount} ({points} pts)"),
    "action_points": QT_TRANSLATE_NOOP("Till", "F6  Points"),
    "redeem_title": QT_TRANSLATE_NOOP("Payment", "Pay with points"),
    "redeem_label": QT_TRANSLATE_NOOP(
        "Payment", "Points to spend ({points} available, 1 point = {rate}):"
    ),
    "err_no_member_points": QT_TRANSLATE_NOOP(
        "Messages", "Identify the member first — points come from their account"
    ),
    "err_nothing_redeemable": QT_TRANSLATE_NOOP(
        "Messages",
        "Points cannot pay for this receipt: no points available or the total is too small",
    ),
    "member_none": QT_TRANSLATE_NOOP("Member", "No member identified"),
    "member_prompt": QT_TRANSLATE_NOOP(
        "Member", "Scan the card or app QR code (F3 — card number, F4 — phone)"
    ),
    "member_tier": QT_TRANSLATE_NOOP("Member", "Tier: {tier}"),
    "member_card": QT_TRANSLATE_NOOP("Member", "Card {card}"),
    "member_phone": QT_TRANSLATE_NOOP("Member", "Phone {phone}"),
    "member_points": QT_TRANSLATE_NOOP("Member", "Points: {points}"),
    "member_pending": QT_TRANSLATE_NOOP("Member", "Pending: {points}"),
    "member_expiring": QT_TRANSLATE_NOOP("Member", "{points} pts expire on {day}"),
    "tier_basic": QT_TRANSLATE_NOOP("Member", "Basic"),
    "tier_silver": QT_TRANSLATE_NOOP("Member", "Silver"),
    "tier_gold": QT_TRANSLATE_NOOP("Member", "Gold"),
    "member_to_next_tier": QT_TRANSLATE_NOOP("Member", "{amount} more in purchases to {tier}"),
    "member_tier_reached": QT_TRANSLATE_NOOP("Member", "Purchases already reach {tier}"),
    "member_top_tier": QT_TRANSLATE_NOOP("Member", "The programme's top tier"),
    "member_offers": QT_TRANSLATE_NOOP("Member", "F11 applies the personal offers: {offers}"),
    "action_qty": QT_TRANSLATE_NOOP("Till", "F2  Quantity"),
    "action_card": QT_TRANSLATE_NOOP("Till", "F3  Card"),
    "action_phone": QT_TRANSLATE_NOOP("Till", "F4  Phone"),
    "action_remove": QT_TRANSLATE_NOOP("Till", "Del  Remove"),
    "action_return": QT_TRANSLATE_NOOP("Till", "F5  Return"),
    "action_cancel": QT_TRANSLATE_NOOP("Till", "F8  Cancel receipt"),
    "action_pay": QT_TRANSLATE_NOOP("Till", "F12  Pay"),
    "menu_terminal": QT_TRANSLATE_NOOP("Menu", "&Terminal"),
    "menu_sync_now": QT_TRANSLATE_NOOP("Menu", "Sync now"),
    "menu_work_offline": QT_TRANSLATE_NOOP("Menu", "Work offline"),
    "menu_quit": QT_TRANSLATE_NOOP("Menu", "Quit"),
    "menu_view": QT_TRANSLATE_NOOP("Menu", "&View"),
    "menu_high_contrast": QT_TRANSLATE_NOOP("Menu", "High contrast"),
    "status_online": QT_TRANSLATE_NOOP("StatusBar", "● Online"),
    "status_offline": QT_TRANSLATE_NOOP("StatusBar", "● Offline"),
    "status_working_offline": QT_TRANSLATE_NOOP("StatusBar", "● Working offline"),
    "status_connecting": QT_TRANSLATE_NOOP("StatusBar", "● Connecting…"),
    "status_refused": QT_TRANSLATE_NOOP("StatusBar", "● Token refused"),
    "status_bad_answer": QT_TRANSLATE_NOOP("StatusBar", "● Server answers wrongly"),
    "status_wrong_terminal": QT_TRANSLATE_NOOP("StatusBar", "● Another till's token"),
    "status_store_error": QT_TRANSLATE_NOOP("StatusBar", "● Database error"),
    "status_cache_warning": QT_TRANSLATE_NOOP("StatusBar", "⚠ Server data refused"),
    "status_waiting": QT_TRANSLATE_NOOP("StatusBar", "Waiting to sync: {count}"),
    "status_dead": QT_TRANSLATE_NOOP("StatusBar", "Rejected: {count}"),
    "status_conflicts": QT_TRANSLATE_NOOP("StatusBar", "Conflicts: {count}"),
    "status_clock": QT_TRANSLATE_NOOP(
        "StatusBar", "⚠ The till's clock is {seconds} s off the server's"
    ),
    "status_last_sync": QT_TRANSLATE_NOOP("StatusBar", "Last sync: {time}"),
    "status_never": QT_TRANSLATE_NOOP("StatusBar", "never"),
    "status_outlet": QT_TRANSLATE_NOOP("StatusBar", "{outlet} · {terminal}"),
    "qty_title": QT_TRANSLATE_NOOP("Till", "Quantity"),
    "qty_label": QT_TRANSLATE_NOOP("Till", "Quantity of “{item}”:"),
    "card_title": QT_TRANSLATE_NOOP("Member", "Member card"),
    "card_label": QT_TRANSLATE_NOOP("Member", "Card number:"),
    "phone_title": QT_TRANSLATE_NOOP("Member", "Find by phone"),
    "phone_label": QT_TRANSLATE_NOOP("Member", "The member's phone number:"),
    "phone_find": QT_TRANSLATE_NOOP("Member", "Find"),
    "ok": QT_TRANSLATE_NOOP("Till", "OK"),
    "cancel": QT_TRANSLATE_NOOP("Till", "Cancel"),
    "close": QT_TRANSLATE_NOOP("Shift", "Close"),
    "menu_problems": QT_TRANSLATE_NOOP("Menu", "Sync problems…"),
    "problems_title": QT_TRANSLATE_NOOP("SyncProblems", "Sync problems"),
    "problems_summary": QT_TRANSLATE_NOOP(
        "SyncProblems",
        "Rejected by the server: {dead}. Conflicts: {conflicts}. Tell the programme's office.",
    ),
    "problems_none": QT_TRANSLATE_NOOP("SyncProblems", "No problems: the server took every sale"),
    "problems_list": QT_TRANSLATE_NOOP("SyncProblems", "What"),
    "problems_receipt": QT_TRANSLATE_NOOP("SyncProblems", "Receipt"),
    "problems_reason": QT_TRANSLATE_NOOP("SyncProblems", "Reason"),
    "problems_at": QT_TRANSLATE_NOOP("SyncProblems", "When"),
    "problems_dead_letter": QT_TRANSLATE_NOOP("SyncProblems", "Rejected"),
    "problems_conflict": QT_TRANSLATE_NOOP("SyncProblems", "Conflict"),
    "problems_kind_sale": QT_TRANSLATE_NOOP("SyncProblems", "sale"),
    "problems_kind_return": QT_TRANSLATE_NOOP("SyncProblems", "return"),
    "problems_kind_audit": QT_TRANSLATE_NOOP("SyncProblems", "audit log"),
    "problems_kind_return_without_receipt": QT_TRANSLATE_NOOP(
        "SyncProblems", "return without a receipt"
    ),
    "problems_kind_enrolment": QT_TRANSLATE_NOOP("SyncProblems", "new member"),
    "reason_phone_already_enrolled": QT_TRANSLATE_NOOP(
        "SyncProblems", "another member has this number — the profile was made without it"
    ),
    "reason_card_already_linked": QT_TRANSLATE_NOOP(
        "SyncProblems", "another member has this card — the profile was made without it"
    ),
    "reason_member_id_taken": QT_TRANSLATE_NOOP("SyncProblems", "that member id exists already"),
    "problems_overdraft": QT_TRANSLATE_NOOP("SyncProblems", "beyond the balance: {points} points"),
    "problems_resend": QT_TRANSLATE_NOOP("SyncProblems", "Send again"),
    "problems_resent": QT_TRANSLATE_NOOP(
        "SyncProblems", "Back in the queue: {count}; they go with this sync"
    ),
    "problems_export": QT_TRANSLATE_NOOP("SyncProblems", "Export to CSV…"),
    "problems_exported": QT_TRANSLATE_NOOP("SyncProblems", "{count} rows exported to {path}"),
    "problems_export_failed": QT_TRANSLATE_NOOP("SyncProblems", "Could not export: {error}"),
    "reason_points_overdrawn": QT_TRANSLATE_NOOP(
        "SyncProblems", "more points spent than the member had"
    ),
    "reason_coupon_already_used": QT_TRANSLATE_NOOP(
        "SyncProblems", "the coupon had been used already"
    ),
    "reason_unknown_member": QT_TRANSLATE_NOOP(
        "SyncProblems", "the server does not know the member"
    ),
    "reason_unknown_sale": QT_TRANSLATE_NOOP("SyncProblems", "the server does not know the sale"),
    "reason_return_exceeds_sale": QT_TRANSLATE_NOOP("SyncProblems", "more returned than was sold"),
    "reason_key_reused": QT_TRANSLATE_NOOP("SyncProblems", "the key was used for another record"),
    "pay_title": QT_TRANSLATE_NOOP("Payment", "Payment"),
    "pay_total": QT_TRANSLATE_NOOP("Payment", "Total: {total}"),
    "pay_cash": QT_TRANSLATE_NOOP("Payment", "Cash"),
    "pay_card": QT_TRANSLATE_NOOP("Payment", "Bank card"),
    "pay_split": QT_TRANSLATE_NOOP("Payment", "Cash + card"),
    "pay_split_cash": QT_TRANSLATE_NOOP("Payment", "Cash part (no change, the rest by card):"),
    "pay_split_card": QT_TRANSLATE_NOOP("Payment", "By card: {amount}"),
    "err_bad_split": QT_TRANSLATE_NOOP(
        "Messages", "The cash part must be more than nothing and less than {total}"
    ),
    "pay_received": QT_TRANSLATE_NOOP("Payment", "Cash received:"),
    "pay_change": QT_TRANSLATE_NOOP("Payment", "Change: {change}"),
    "pay_short": QT_TRANSLATE_NOOP("Payment", "{missing} short"),
    "pay_confirm": QT_TRANSLATE_NOOP("Payment", "Enter  Complete"),
    "sale_title": QT_TRANSLATE_NOOP("Till", "Receipt No. {number}"),
    "sale_done": QT_TRANSLATE_NOOP("Till", "Sale completed"),
    "sale_new": QT_TRANSLATE_NOOP("Till", "Enter  Next customer"),
    "receipt_tender_cash": QT_TRANSLATE_NOOP("Receipt", "Cash"),
    "receipt_tender_card": QT_TRANSLATE_NOOP("Receipt", "Card"),
    "receipt_change": QT_TRANSLATE_NOOP("Receipt", "Change"),
    "receipt_points": QT_TRANSLATE_NOOP("Receipt", "Points earned"),
    "receipt_points_paid": QT_TRANSLATE_NOOP("Receipt", "Paid with points"),
    "receipt_balance": QT_TRANSLATE_NOOP("Receipt", "Points balance"),
    "receipt_pending": QT_TRANSLATE_NOOP("Receipt", "Pending points"),
    "receipt_member": QT_TRANSLATE_NOOP("Receipt", "Member"),
    "added": QT_TRANSLATE_NOOP("Till", "Added: {item}"),
    "member_attached": QT_TRANSLATE_NOOP("Member", "Member: {name}"),
    "looking_up_card": QT_TRANSLATE_NOOP("Member", "Looking up card {card} on the server…"),
    "looking_up_phone": QT_TRANSLATE_NOOP("Member", "Looking up phone {phone} on the server…"),
    "err_bad_barcode": QT_TRANSLATE_NOOP("Messages", "Barcode “{code}” is not valid: digits only"),
    "err_unknown_barcode": QT_TRANSLATE_NOOP(
        "Messages", "No product with barcode {code} in the catalog"
    ),
    "err_unknown_code": QT_TRANSLATE_NOOP(
        "Messages", "Code {code} is neither a product nor a member card"
    ),
    "err_bad_check_digit": QT_TRANSLATE_NOOP(
        "Messages", "Barcode {code} was misread (check digit) — scan it again"
    ),
    "err_unreadable_code": QT_TRANSLATE_NOOP(
        "Messages", "The code cannot be used: empty, too long or with control characters"
    ),
    "err_unknown_coupon": QT_TRANSLATE_NOOP("Messages", "Coupon {code} is not valid in this store"),
    "err_coupon_already_taken": QT_TRANSLATE_NOOP(
        "Messages", "Coupon {code} is already taken for this receipt"
    ),
    "coupon_taken": QT_TRANSLATE_NOOP("Till", "Coupon taken: {code}"),
    "err_coupon_used_here": QT_TRANSLATE_NOOP(
        "Messages", "This customer has already used coupon {code}"
    ),
    "err_coupon_refused_coupon_already_used": QT_TRANSLATE_NOOP(
        "Messages",
        "Coupon {code} was already used in another store or channel; taken off the receipt",
    ),
    "err_coupon_refused_coupon_reserved_elsewhere": QT_TRANSLATE_NOOP(
        "Messages", "Coupon {code} is on an open receipt at another till; taken off the receipt"
    ),
    "err_coupon_refused": QT_TRANSLATE_NOOP(
        "Messages", "The loyalty hub did not accept coupon {code}; taken off the receipt"
    ),
    "err_offline_too_long": QT_TRANSLATE_NOOP(
        "Messages", "Offline for over {limit} h: points cannot be spent until the till syncs"
    ),
    "err_offline_once_per_member": QT_TRANSLATE_NOOP(
        "Messages", "Offline, a customer spends points once until the till syncs"
    ),
    "err_offline_terminal_cap": QT_TRANSLATE_NOOP(
        "Messages", "Offline, this till has reached its limit of {limit} points until it syncs"
    ),
    "err_redeem_above_limit": QT_TRANSLATE_NOOP(
        "Messages", "At most {limit} points can be spent now"
    ),
    "receipt_number_title": QT_TRANSLATE_NOOP("Receipt", "Return by receipt"),
    "receipt_number_label": QT_TRANSLATE_NOOP(
        "Receipt", "The receipt number, or scan the barcode on the receipt"
    ),
    "search_day": QT_TRANSLATE_NOOP("Receipt", "or pick it from the receipts of the day (↓):"),
    "search_col_number": QT_TRANSLATE_NOOP("Receipt", "Receipt"),
    "search_col_time": QT_TRANSLATE_NOOP("Receipt", "Time"),
    "search_col_total": QT_TRANSLATE_NOOP("Receipt", "Total"),
    "search_col_refunded": QT_TRANSLATE_NOOP("Receipt", "Refunded"),
    "search_none": QT_TRANSLATE_NOOP("Receipt", "No receipts on {day} at this till"),
    "find_title": QT_TRANSLATE_NOOP("FindItem", "Find an item"),
    "find_placeholder": QT_TRANSLATE_NOOP("FindItem", "Part of the name, SKU or barcode digits"),
    "find_col_item": QT_TRANSLATE_NOOP("FindItem", "Item"),
    "find_col_price": QT_TRANSLATE_NOOP("FindItem", "Price"),
    "find_col_barcode": QT_TRANSLATE_NOOP("FindItem", "Barcode"),
    "find_add": QT_TRANSLATE_NOOP("FindItem", "Add to receipt"),
    "find_hint": QT_TRANSLATE_NOOP("FindItem", "Type at least {count} characters of the name"),
    "find_none": QT_TRANSLATE_NOOP("FindItem", "Nothing found for “{query}”"),
    "find_more": QT_TRANSLATE_NOOP(
        "FindItem", "The first {count} shown: type another word to narrow the list"
    ),
    "find_count": QT_TRANSLATE_NOOP("FindItem", "Found: {count}. ↑↓ choose, Enter adds"),
    "return_title": QT_TRANSLATE_NOOP("Returns", "Return on receipt No. {number}"),
    "return_heading": QT_TRANSLATE_NOOP(
        "Returns", "Receipt No. {number} of {when}. How many of each line come back?"
    ),
    "return_col_item": QT_TRANSLATE_NOOP("Returns", "Item"),
    "return_col_sold": QT_TRANSLATE_NOOP("Returns", "Sold"),
    "return_col_back": QT_TRANSLATE_NOOP("Returns", "Return"),
    "return_col_refund": QT_TRANSLATE_NOOP("Returns", "Refund"),
    "return_sold": QT_TRANSLATE_NOOP("Returns", "{quantity} pcs · {total}"),
    "return_sold_weighed": QT_TRANSLATE_NOOP("Returns", "{kg} kg · {total}"),
    "return_of_left": QT_TRANSLATE_NOOP("Returns", " of {left}"),
    "return_pick_lines": QT_TRANSLATE_NOOP(
        "Returns", "Set the quantity on the lines that come back"
    ),
    "return_by_card": QT_TRANSLATE_NOOP("Returns", "to the bank card"),
    "return_by_cash": QT_TRANSLATE_NOOP("Returns", "in cash"),
    "return_by_split": QT_TRANSLATE_NOOP("Returns", "— {cash} in cash and {card} to the bank card"),
    "return_refund": QT_TRANSLATE_NOOP("Returns", "Refund {refund} {tender}"),
    "return_points_reversed": QT_TRANSLATE_NOOP(
        "Returns", "Points earned on the sale taken back: {points}"
    ),
    "return_points_refunded": QT_TRANSLATE_NOOP(
        "Returns", "Points spent on the sale given back: {points}"
    ),
    "return_confirm": QT_TRANSLATE_NOOP("Returns", "Make the return"),
    "return_done": QT_TRANSLATE_NOOP(
        "Returns", "Return on receipt No. {number} done: refund {refund} {tender}"
    ),
    "err_return_with_open_receipt": QT_TRANSLATE_NOOP(
        "Messages", "Finish or cancel the open receipt first (F8)"
    ),
    "return_done_other_till": QT_TRANSLATE_NOOP(
        "Returns",
        "Return on receipt No. {number} of till {terminal} done: refund {refund} {tender}",
    ),
    "return_heading_other_till": QT_TRANSLATE_NOOP(
        "Returns",
        "Receipt No. {number} of till {terminal}, {when}. How many of each line come back?",
    ),
    "asking_hub_for_receipt": QT_TRANSLATE_NOOP(
        "Messages", "Asking the server for receipt No. {number} of till {terminal}…"
    ),
    "err_receipt_hub_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The server has no receipt No. {number} of till {terminal}"
    ),
    "err_receipt_hub_unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "Receipt No. {number} is from till {terminal} and the server is not answering:"
        " take the return when the till is back online",
    ),
    "err_receipt_hub_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "The server refused this till's token: receipt No. {number} of till {terminal}"
        " cannot be fetched",
    ),
    "err_receipt_hub_bad_answer": QT_TRANSLATE_NOOP(
        "Messages",
        "The server's answer about receipt No. {number} of till {terminal} cannot be read;"
        " nothing was changed",
    ),
    "err_receipt_while_dialog": QT_TRANSLATE_NOOP(
        "Messages",
        "Receipt No. {number} of till {terminal} arrived while a window was open:"
        " close it and scan the receipt again",
    ),
    "err_void_other_till": QT_TRANSLATE_NOOP(
        "Messages",
        "Receipt No. {number} is from till {terminal}: only its own till voids it;"
        " take a return here (F5)",
    ),
    "err_bad_receipt_number": QT_TRANSLATE_NOOP("Messages", "“{text}” is not a receipt number"),
    "err_unknown_receipt_number": QT_TRANSLATE_NOOP(
        "Messages", "Receipt No. {number} is not in this till's journal"
    ),
    "err_unknown_receipt": QT_TRANSLATE_NOOP("Messages", "No receipt {sale} on this till"),
    "err_bad_return": QT_TRANSLATE_NOOP("Messages", "Cannot return: {detail}"),
    "err_app_code_malformed": QT_TRANSLATE_NOOP(
        "Messages", "The app code is damaged — ask the customer to refresh the screen"
    ),
    "err_app_code_unknown_key": QT_TRANSLATE_NOOP(
        "Messages", "The app code is signed with an unknown key — sync the terminal"
    ),
    "err_app_code_bad_signature": QT_TRANSLATE_NOOP(
        "Messages", "The app code is forged: the signature does not match"
    ),
    "err_app_code_expired": QT_TRANSLATE_NOOP(
        "Messages", "The app code has expired — ask the customer to open it again"
    ),
    "err_app_code_replayed": QT_TRANSLATE_NOOP(
        "Messages",
        "This app code was already used — a fresh code is needed (screenshots do not work)",
    ),
    "err_unknown_member": QT_TRANSLATE_NOOP(
        "Messages", "Member {member} is not in this terminal's cache"
    ),
    "phone_app_title": QT_TRANSLATE_NOOP("Member", "Member's app (demo)"),
    "phone_app_renews": QT_TRANSLATE_NOOP("Member", "The code changes in {seconds} s"),
    "phone_app_hint": QT_TRANSLATE_NOOP("Member", "Hold this screen up to the till's webcam"),
    "phone_app_hint_synthetic": QT_TRANSLATE_NOOP(
        "Member", "The till has a simulated camera: press the button to put the code in its view"
    ),
    "phone_app_hold": QT_TRANSLATE_NOOP("Member", "Hold up to the camera"),
    "phone_app_away": QT_TRANSLATE_NOOP("Member", "Take away from the camera"),
    "camera_starting": QT_TRANSLATE_NOOP("Till", "Starting the camera…"),
    "camera_failed": QT_TRANSLATE_NOOP(
        "Till", "The camera does not answer (unplugged or busy). Retrying…"
    ),
    "camera_ended": QT_TRANSLATE_NOOP("Till", "Camera: no more pictures"),
    "err_bad_card": QT_TRANSLATE_NOOP("Messages", "Card number “{card}” is not valid"),
    "err_unknown_card": QT_TRANSLATE_NOOP("Messages", "Card {card} not found"),
    "err_card_offline": QT_TRANSLATE_NOOP(
        "Messages", "Card {card} is not in this terminal's cache and the server is unreachable"
    ),
    "err_bad_phone_empty": QT_TRANSLATE_NOOP("Messages", "Type the phone number"),
    "err_bad_phone_too_long": QT_TRANSLATE_NOOP("Messages", "The number is too long"),
    "err_bad_phone_not_a_number": QT_TRANSLATE_NOOP(
        "Messages", "A phone number is digits, with an optional “+” first"
    ),
    "err_bad_phone_invalid": QT_TRANSLATE_NOOP(
        "Messages", "No such number: check the digits and the country code"
    ),
    "err_unknown_phone": QT_TRANSLATE_NOOP("Messages", "No member with phone {phone}"),
    "err_phone_offline": QT_TRANSLATE_NOOP(
        "Messages", "Phone {phone} is not in this terminal's cache and the server is unreachable"
    ),
    "err_scan_while_dialog": QT_TRANSLATE_NOOP(
        "Messages", "Scan not taken: finish in the open window first"
    ),
    "err_bad_quantity": QT_TRANSLATE_NOOP("Messages", "Quantity must be from 1 to 999"),
    "err_needs_weight": QT_TRANSLATE_NOOP(
        "Messages", "This product is sold by weight: weigh it and scan the scale's label"
    ),
    "err_weighed_quantity": QT_TRANSLATE_NOOP(
        "Messages", "A weighed item's quantity is its label: scan one more label for more"
    ),
    "err_bad_weight": QT_TRANSLATE_NOOP(
        "Messages", "The scale label's weight cannot be sold: weigh the goods again"
    ),
    "err_unknown_plu": QT_TRANSLATE_NOOP(
        "Messages", "Scale label {code}: no product sold by weight has this code in the catalog"
    ),
    "err_empty_receipt": QT_TRANSLATE_NOOP("Messages", "The receipt is empty — nothing to pay"),
    "err_cash_short": QT_TRANSLATE_NOOP("Messages", "Cash received is less than the total"),
    "err_no_line": QT_TRANSLATE_NOOP("Messages", "Select a receipt line first"),
    "err_override_price_zero": QT_TRANSLATE_NOOP(
        "Messages", "The new price must be more than zero"
    ),
    "err_override_price_same": QT_TRANSLATE_NOOP("Messages", "The line already has this price"),
    "err_override_reason": QT_TRANSLATE_NOOP(
        "Messages", "Say why the price changes (up to 120 characters)"
    ),
    "err_bad_amount": QT_TRANSLATE_NOOP(
        "Messages", "Amount “{text}” is not understood: type e.g. 1500 or 1500.50"
    ),
    "err_store_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is locked by another process. Nothing was written; the receipt is kept "
        "— try again",
    ),
    "err_store_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is read-only. Nothing was written; the receipt is kept. Call store IT",
    ),
    "err_store_disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Nothing was written; the receipt is kept. Call store IT"
    ),
    "err_store_corrupt": QT_TRANSLATE_NOOP("Messages", "The database is damaged. Call store IT"),
    "err_store_io": QT_TRANSLATE_NOOP("Messages", "Database error: {detail}"),
    "err_store_newer_schema": QT_TRANSLATE_NOOP(
        "Messages", "The database is newer than this program"
    ),
    "err_start_newer_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "The sales journal {path} was written by a newer pos-client ({detail}). Install that "
        "version or a newer one; the journal was not changed.",
    ),
    "err_start_locked": QT_TRANSLATE_NOOP(
        "Messages", "The sales journal {path} is locked: is pos-client already running? ({detail})"
    ),
    "err_start_read_only": QT_TRANSLATE_NOOP(
        "Messages", "The sales journal {path} is read-only ({detail}). Call store IT"
    ),
    "err_start_disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full; the sales journal {path} cannot be opened ({detail}). Call store IT",
    ),
    "err_start_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The sales journal {path} is damaged ({detail}). Restore a copy: pos-client restore",
    ),
    "err_start_io": QT_TRANSLATE_NOOP(
        "Messages", "The sales journal {path} cannot be opened: {detail}"
    ),
    "setup_title": QT_TRANSLATE_NOOP("Setup", "Setting up this till"),
    "setup_intro": QT_TRANSLATE_NOOP(
        "Setup",
        "This till is not set up yet. Enter what the loyalty programme's administrator gave "
        "you (loyalty-hub terminal add). The settings go to {path}, the token to the system's"
        " password store or a file only this user can read.",
    ),
    "setup_api_url": QT_TRANSLATE_NOOP("Setup", "Hub address"),
    "setup_outlet_id": QT_TRANSLATE_NOOP("Setup", "Outlet"),
    "setup_terminal_id": QT_TRANSLATE_NOOP("Setup", "Terminal ID"),
    "setup_token": QT_TRANSLATE_NOOP("Setup", "Token"),
    "setup_language": QT_TRANSLATE_NOOP("Setup", "Language"),
    "setup_test": QT_TRANSLATE_NOOP("Setup", "Test connection"),
    "setup_save": QT_TRANSLATE_NOOP("Setup", "Save and start"),
    "setup_quit": QT_TRANSLATE_NOOP("Setup", "Quit"),
    "setup_testing": QT_TRANSLATE_NOOP("Setup", "Contacting {url}…"),
    "setup_hub_ok": QT_TRANSLATE_NOOP(
        "Setup", "Connected: {url} answers and accepts this till's token"
    ),
    "setup_hub_unavailable": QT_TRANSLATE_NOOP(
        "Setup", "The hub does not answer: {detail}. Check the address and the network"
    ),
    "setup_hub_refused": QT_TRANSLATE_NOOP(
        "Setup", "The hub refused the token: check the token and the terminal ID"
    ),
    "setup_hub_wrong_terminal": QT_TRANSLATE_NOOP(
        "Setup",
        "The hub knows this token as terminal {terminal_id} of outlet {outlet_id}:"
        " correct the outlet and terminal ID, or use this terminal's own token",
    ),
    "setup_hub_bad_answer": QT_TRANSLATE_NOOP(
        "Setup", "What answers at this address is not the loyalty hub ({detail})"
    ),
    "setup_not_saved": QT_TRANSLATE_NOOP("Setup", "Settings not saved: {detail}"),
    "setup_bad_api_url": QT_TRANSLATE_NOOP(
        "Setup", "The hub address must start with http:// or https://"
    ),
    "setup_bad_outlet_id": QT_TRANSLATE_NOOP(
        "Setup", "Outlet: 1 to 64 letters, digits, '.', '_' or '-'"
    ),
    "setup_bad_terminal_id": QT_TRANSLATE_NOOP(
        "Setup", "Terminal ID: 1 to 64 letters, digits, '.', '_' or '-'"
    ),
    "setup_bad_token": QT_TRANSLATE_NOOP(
        "Setup",
        "Token: 16 to 512 characters without spaces, as loyalty-hub terminal add printed it",
    ),
    "login_title": QT_TRANSLATE_NOOP("Staff", "Cashier login"),
    "login_hint": QT_TRANSLATE_NOOP(
        "Staff", "Pick your name (↑ ↓), type your PIN and press Enter — or scan your badge"
    ),
    "login_pin": QT_TRANSLATE_NOOP("Staff", "PIN"),
    "login_button": QT_TRANSLATE_NOOP("Staff", "Log in"),
    "login_no_staff": QT_TRANSLATE_NOOP(
        "Staff",
        "The staff list has not arrived yet: the till gets it when it first reaches the hub",
    ),
    "role_cashier": QT_TRANSLATE_NOOP("Staff", "cashier"),
    "role_senior_cashier": QT_TRANSLATE_NOOP("Staff", "senior cashier"),
    "role_manager": QT_TRANSLATE_NOOP("Staff", "manager"),
    "err_wrong_pin": QT_TRANSLATE_NOOP("Messages", "Wrong PIN. Tries left: {left}"),
    "err_staff_locked": QT_TRANSLATE_NOOP(
        "Messages", "{name} is locked out until {until} after wrong PINs"
    ),
    "err_staff_locked_now": QT_TRANSLATE_NOOP(
        "Messages", "Too many wrong PINs: {name} is locked out for {minutes} min"
    ),
    "err_unknown_staff": QT_TRANSLATE_NOOP("Messages", "Pick a person from the list"),
    "err_unknown_badge": QT_TRANSLATE_NOOP(
        "Messages", "This badge is not on the store's staff list"
    ),
    "err_not_an_approver": QT_TRANSLATE_NOOP("Messages", "{name} may not approve this action"),
    "err_approval_used": QT_TRANSLATE_NOOP(
        "Messages", "This approval has been used: a new one is needed"
    ),
    "err_approval_other_action": QT_TRANSLATE_NOOP(
        "Messages", "The approval was given for another action"
    ),
    "err_badge_at_till": QT_TRANSLATE_NOOP(
        "Messages", "This is a staff badge. To change cashier, log out first: Ctrl+L"
    ),
    "err_no_open_shift": QT_TRANSLATE_NOOP(
        "Messages", "No shift is open: open one in the Shift menu"
    ),
    "err_shift_already_open": QT_TRANSLATE_NOOP("Messages", "A shift is already open"),
    "err_shift_unsynced": QT_TRANSLATE_NOOP(
        "Messages", "Not sent to the hub yet: {waiting}. Tick that you know, to close the shift"
    ),
    "err_cash_move_zero": QT_TRANSLATE_NOOP("Messages", "The amount must be above zero"),
    "err_cash_move_reason": QT_TRANSLATE_NOOP("Messages", "Give the reason"),
    "err_no_sale_reason": QT_TRANSLATE_NOOP(
        "Messages", "Give the reason the drawer opens with no sale"
    ),
    "err_no_drawer": QT_TRANSLATE_NOOP("Messages", "This till has no cash drawer to open"),
    "err_no_sale_open_receipt": QT_TRANSLATE_NOOP(
        "Messages", "Finish or cancel the receipt first: its payment opens the drawer"
    ),
    "err_cash_out_exceeds": QT_TRANSLATE_NOOP(
        "Messages", "The drawer should hold {amount}: no more can be taken out"
    ),
    "err_bad_cash_amount": QT_TRANSLATE_NOOP(
        "Messages", "An amount from 0 to 10 000 000 ₽, like 5000 or 5000.50"
    ),
    "err_nothing_to_void": QT_TRANSLATE_NOOP(
        "Messages", "Everything on receipt {number} has been returned already"
    ),
    "err_logout_open_receipt": QT_TRANSLATE_NOOP("Messages", "Pay or cancel the receipt first"),
    "err_park_empty": QT_TRANSLATE_NOOP("Messages", "The receipt is empty: nothing to put aside"),
    "err_take_up_open_receipt": QT_TRANSLATE_NOOP(
        "Messages", "Pay, cancel or put aside the receipt on the till first"
    ),
    "err_parked_gone": QT_TRANSLATE_NOOP("Messages", "Receipt No. {number} is no longer put aside"),
    "err_bad_receipt": QT_TRANSLATE_NOOP(
        "Messages", "The receipt put aside cannot be read: {detail}"
    ),
    "parked_title": QT_TRANSLATE_NOOP("Parked", "Receipts put aside"),
    "parked_caption": QT_TRANSLATE_NOOP("Parked", "Choose the receipt to take up again (Enter):"),
    "parked_col_number": QT_TRANSLATE_NOOP("Parked", "No."),
    "parked_col_time": QT_TRANSLATE_NOOP("Parked", "Put aside at"),
    "parked_col_lines": QT_TRANSLATE_NOOP("Parked", "Lines"),
    "parked_col_total": QT_TRANSLATE_NOOP("Parked", "Total"),
    "parked_take_up": QT_TRANSLATE_NOOP("Parked", "Take up"),
    "parked_done": QT_TRANSLATE_NOOP(
        "Parked", "Receipt put aside as No. {number}. Ins on an empty till takes it up again"
    ),
    "parked_none": QT_TRANSLATE_NOOP("Parked", "No receipts are put aside"),
    "parked_taken": QT_TRANSLATE_NOOP(
        "Parked", "Receipt No. {number} put aside is back on the till"
    ),
    "parked_taken_member_lost": QT_TRANSLATE_NOOP(
        "Parked", "Receipt No. {number} put aside is back on the till; identify the member again"
    ),
    "menu_shift": QT_TRANSLATE_NOOP("Menu", "Shift"),
    "menu_cash_in": QT_TRANSLATE_NOOP("Menu", "Cash in…"),
    "menu_cash_out": QT_TRANSLATE_NOOP("Menu", "Cash out…"),
    "menu_shift_report": QT_TRANSLATE_NOOP("Menu", "Shift report…"),
    "menu_close_shift": QT_TRANSLATE_NOOP("Menu", "Close shift…"),
    "menu_void": QT_TRANSLATE_NOOP("Menu", "Void a paid receipt…"),
    "menu_price_override": QT_TRANSLATE_NOOP("Menu", "Change the line's price…"),
    "menu_goods_back": QT_TRANSLATE_NOOP("Menu", "Return without a receipt…"),
    "menu_no_sale": QT_TRANSLATE_NOOP("Menu", "Open the drawer, no sale…"),
    "menu_logout": QT_TRANSLATE_NOOP("Menu", "Log out (change cashier)"),
    "open_shift_title": QT_TRANSLATE_NOOP("Shift", "Opening the shift"),
    "open_shift_label": QT_TRANSLATE_NOOP(
        "Shift", "{name}, how much cash is in the drawer at the start?"
    ),
    "open_shift_ok": QT_TRANSLATE_NOOP("Shift", "Open shift"),
    "cash_in_title": QT_TRANSLATE_NOOP("Shift", "Cash in"),
    "cash_out_title": QT_TRANSLATE_NOOP("Shift", "Cash out"),
    "cash_amount_label": QT_TRANSLATE_NOOP("Shift", "Amount"),
    "cash_reason_label": QT_TRANSLATE_NOOP("Shift", "Reason"),
    "cash_in_reason": QT_TRANSLATE_NOOP("Shift", "Change float"),
    "cash_out_reason": QT_TRANSLATE_NOOP("Shift", "Collection"),
    "close_shift_title": QT_TRANSLATE_NOOP("Shift", "Closing the shift"),
    "close_counted_label": QT_TRANSLATE_NOOP("Shift", "Cash counted in the drawer"),
    "close_unsynced": QT_TRANSLATE_NOOP(
        "Shift", "I know: {waiting} not sent to the hub yet; they go at the next connection"
    ),
    "close_parked": QT_TRANSLATE_NOOP(
        "Shift", "Receipts put aside: {count}. They stay at this till for the next shift (Ins)"
    ),
    "close_confirm": QT_TRANSLATE_NOOP("Shift", "Close shift"),
    "close_expected": QT_TRANSLATE_NOOP("Shift", "Expected in the drawer: {amount}"),
    "close_matches": QT_TRANSLATE_NOOP("Shift", "The count matches the expected cash"),
    "close_short": QT_TRANSLATE_NOOP("Shift", "Short by {amount}"),
    "close_over": QT_TRANSLATE_NOOP("Shift", "Over by {amount}"),
    "shift_report_title": QT_TRANSLATE_NOOP("Shift", "Shift {number}"),
    "shift_opened_by": QT_TRANSLATE_NOOP("Shift", "Opened {at} by {name}"),
    "shift_closed_by": QT_TRANSLATE_NOOP("Shift", "Closed {at} by {name}"),
    "report_sales": QT_TRANSLATE_NOOP("ShiftReport", "Sales: {count}"),
    "report_returns": QT_TRANSLATE_NOOP("ShiftReport", "Returns: {count}"),
    "report_tender_cash": QT_TRANSLATE_NOOP("ShiftReport", "  in cash"),
    "report_tender_card": QT_TRANSLATE_NOOP("ShiftReport", "  by card"),
    "report_points_earned": QT_TRANSLATE_NOOP("ShiftReport", "Points earned"),
    "report_points_spent": QT_TRANSLATE_NOOP("ShiftReport", "Points spent"),
    "report_points_reversed": QT_TRANSLATE_NOOP("ShiftReport", "Points taken back by returns"),
    "report_points_refunded": QT_TRANSLATE_NOOP("ShiftReport", "Points given back by returns"),
    "report_coupons": QT_TRANSLATE_NOOP("ShiftReport", "Coupons used"),
    "report_float": QT_TRANSLATE_NOOP("ShiftReport", "Opening float"),
    "report_cash_in": QT_TRANSLATE_NOOP("ShiftReport", "Cash in"),
    "report_cash_out": QT_TRANSLATE_NOOP("ShiftReport", "Cash out"),
    "report_no_sales": QT_TRANSLATE_NOOP("ShiftReport", "Drawer opened, no sale"),
    "report_expected": QT_TRANSLATE_NOOP("ShiftReport", "Expected in the drawer"),
    "report_counted": QT_TRANSLATE_NOOP("ShiftReport", "Counted"),
    "report_difference": QT_TRANSLATE_NOOP("ShiftReport", "Difference"),
    "report_waiting": QT_TRANSLATE_NOOP("ShiftReport", "Not sent to the hub"),
    "approval_title": QT_TRANSLATE_NOOP("Staff", "Manager approval"),
    "approval_void": QT_TRANSLATE_NOOP(
        "Staff", "Void receipt {number} of {total}: take back everything left on it"
    ),
    "approval_redeem": QT_TRANSLATE_NOOP(
        "Staff", "Spending points above the offline cap. Refused because: {reason}"
    ),
    "approval_who": QT_TRANSLATE_NOOP("Staff", "Approved by"),
    "approval_pin": QT_TRANSLATE_NOOP("Staff", "Their PIN"),
    "approval_ok": QT_TRANSLATE_NOOP("Staff", "Approve"),
    "logged_in": QT_TRANSLATE_NOOP("Staff", "Cashier: {name}"),
    "receipt_restored": QT_TRANSLATE_NOOP(
        "Messages", "The receipt left open when the till stopped is back (lines: {count})"
    ),
    "receipt_restored_member_lost": QT_TRANSLATE_NOOP(
        "Messages",
        "The receipt left open when the till stopped is back (lines: {count}); identify the"
        " member again",
    ),
    "shift_opened": QT_TRANSLATE_NOOP("Shift", "Shift {number} is open"),
    "shift_closed": QT_TRANSLATE_NOOP("Shift", "Shift {number} is closed"),
    "cash_moved_in": QT_TRANSLATE_NOOP("Shift", "{amount} put in"),
    "cash_moved_out": QT_TRANSLATE_NOOP("Shift", "{amount} taken out"),
    "void_done": QT_TRANSLATE_NOOP("Staff", "Receipt {number} voided: refund {refund} {tender}"),
    "approval_goods_back": QT_TRANSLATE_NOOP(
        "Staff",
        "Return without a receipt: {count} pcs, refund {refund} {tender}. Reason: {reason}",
    ),
    "goods_back_title": QT_TRANSLATE_NOOP("Returns", "Return without a receipt"),
    "goods_back_heading": QT_TRANSLATE_NOOP(
        "Returns",
        "Scan the goods the customer brings back. The refund is today's price without a card;"
        " no points are taken back or given. A manager approves it.",
    ),
    "goods_back_code": QT_TRANSLATE_NOOP("Returns", "Barcode: scan it or type it and press Enter"),
    "goods_back_col_quantity": QT_TRANSLATE_NOOP("Returns", "Quantity"),
    "goods_back_tender": QT_TRANSLATE_NOOP("Returns", "Refund by:"),
    "goods_back_reason": QT_TRANSLATE_NOOP("Returns", "Reason (the customer's words):"),
    "goods_back_empty": QT_TRANSLATE_NOOP("Returns", "Nothing scanned yet"),
    "goods_back_ok": QT_TRANSLATE_NOOP("Returns", "Ask a manager"),
    "goods_back_done": QT_TRANSLATE_NOOP(
        "Returns", "Return without a receipt done: refund {refund} {tender}"
    ),
    "offers_taken": QT_TRANSLATE_NOOP("Messages", "Personal offers on the receipt: {offers}"),
    "err_offers_need_member": QT_TRANSLATE_NOOP(
        "Messages", "Identify the member first: personal offers are theirs"
    ),
    "err_no_offers": QT_TRANSLATE_NOOP(
        "Messages", "{name} has no personal offers to apply on this receipt"
    ),
    "err_nothing_brought_back": QT_TRANSLATE_NOOP(
        "Messages", "Scan the goods the customer brings back first"
    ),
    "err_return_reason_missing": QT_TRANSLATE_NOOP(
        "Messages", "Write down why the goods come back without a receipt"
    ),
    "approval_price": QT_TRANSLATE_NOOP(
        "Staff", "New price for {item}: {new} instead of {old}. Reason: {reason}"
    ),
    "override_title": QT_TRANSLATE_NOOP("Staff", "Price override"),
    "override_label": QT_TRANSLATE_NOOP(
        "Staff", "{item} costs {price}. New price for one, then the reason (a manager approves):"
    ),
    "override_ok": QT_TRANSLATE_NOOP("Staff", "Ask a manager"),
    "override_done": QT_TRANSLATE_NOOP("Staff", "{item} now costs {price}, approved by a manager"),
    "no_sale_title": QT_TRANSLATE_NOOP("Staff", "Open the drawer, no sale"),
    "no_sale_label": QT_TRANSLATE_NOOP(
        "Staff", "Why does the drawer open with nothing sold? A manager approves it."
    ),
    "approval_no_sale": QT_TRANSLATE_NOOP("Staff", "Open the cash drawer, no sale: {reason}"),
    "no_sale_done": QT_TRANSLATE_NOOP("Staff", "The drawer opens, no sale, approved by {name}"),
    "override_note": QT_TRANSLATE_NOOP("Receipt", "price changed from {old}: {reason}"),
    "weighing_note": QT_TRANSLATE_NOOP("Receipt", "{kg} kg × {price}/kg"),
    "cap_waived": QT_TRANSLATE_NOOP(
        "Staff", "A manager allowed spending above the offline cap on this receipt"
    ),
    "status_cashier": QT_TRANSLATE_NOOP("StatusBar", "{name} · shift {number}"),
    "status_cashier_no_shift": QT_TRANSLATE_NOOP("StatusBar", "{name} · no shift open"),
    "status_nobody": QT_TRANSLATE_NOOP("StatusBar", "Nobody logged in"),
    "receipt_cashier": QT_TRANSLATE_NOOP("Receipt", "Cashier"),
    "receipt_copy": QT_TRANSLATE_NOOP("Receipt", "RECEIPT COPY"),
    "receipt_total": QT_TRANSLATE_NOOP("Receipt", "TOTAL"),
    "receipt_where": QT_TRANSLATE_NOOP("Receipt", "Terminal {terminal} · {channel}"),
    "channel_store": QT_TRANSLATE_NOOP("Till", "store"),
    "channel_web": QT_TRANSLATE_NOOP("Till", "web shop"),
    "channel_app": QT_TRANSLATE_NOOP("Till", "app"),
    "receipt_keep": QT_TRANSLATE_NOOP("Receipt", "Keep the receipt for returns"),
    "receipt_points_spent": QT_TRANSLATE_NOOP("Receipt", "Points spent"),
    "receipt_stamps": QT_TRANSLATE_NOOP("Receipt", "Stamps: {name}"),
    "sale_print": QT_TRANSLATE_NOOP("Till", "Ctrl+P  Print a copy"),
    "report_print": QT_TRANSLATE_NOOP("ShiftReport", "Print"),
    "menu_reprint": QT_TRANSLATE_NOOP("Menu", "Print a copy of the last receipt"),
    "print_what_receipt": QT_TRANSLATE_NOOP("Printing", "Receipt {number}"),
    "print_what_report": QT_TRANSLATE_NOOP("Printing", "Shift {number} report"),
    "print_sending": QT_TRANSLATE_NOOP("Printing", "{what}: printing…"),
    "print_done": QT_TRANSLATE_NOOP("Printing", "{what} printed"),
    "print_not_set_up": QT_TRANSLATE_NOOP(
        "Printing", "No receipt printer is set up — shown on screen only (printer in config.toml)"
    ),
    "print_unplugged": QT_TRANSLATE_NOOP(
        "Printing", "{what} not printed: the printer does not answer — check its cable and power."
    ),
    "print_out_of_paper": QT_TRANSLATE_NOOP(
        "Printing", "{what} not printed: the printer is out of paper — load a new roll."
    ),
    "print_failed": QT_TRANSLATE_NOOP(
        "Printing", "{what} not printed: the printer failed (details in the log)."
    ),
    "print_sale_kept": QT_TRANSLATE_NOOP(
        "Printing", "The sale is complete and saved; Ctrl+P prints a copy."
    ),
    "drawer_unplugged": QT_TRANSLATE_NOOP(
        "Printing",
        "The cash drawer did not open: the printer does not answer. Open it with its key.",
    ),
    "drawer_failed": QT_TRANSLATE_NOOP(
        "Printing", "The cash drawer did not open (details in the log). Open it with its key."
    ),
    "err_no_sales_yet": QT_TRANSLATE_NOOP("Messages", "No sale has been made on this till yet"),
    "customer_title": QT_TRANSLATE_NOOP("CustomerDisplay", "Customer display — {outlet}"),
    "customer_welcome": QT_TRANSLATE_NOOP("CustomerDisplay", "Welcome! {outlet}"),
    "customer_discount": QT_TRANSLATE_NOOP("CustomerDisplay", "You save: {amount}"),
    "customer_total": QT_TRANSLATE_NOOP("CustomerDisplay", "To pay: {total}"),
    "customer_points": QT_TRANSLATE_NOOP("CustomerDisplay", "Points you will earn: +{points}"),
    "customer_show_app": QT_TRANSLATE_NOOP(
        "CustomerDisplay", "Show your app code or card to earn points"
    ),
    "customer_member": QT_TRANSLATE_NOOP("CustomerDisplay", "{name} · points balance: {points}"),
    "customer_thanks": QT_TRANSLATE_NOOP("CustomerDisplay", "Thank you for shopping with us!"),
    "customer_change": QT_TRANSLATE_NOOP("CustomerDisplay", "Your change: {change}"),
    "customer_earned": QT_TRANSLATE_NOOP("CustomerDisplay", "Points earned: +{points}"),
    "customer_balance": QT_TRANSLATE_NOOP("CustomerDisplay", "Points balance: {points}"),
    "action_enrol": QT_TRANSLATE_NOOP("Till", "F7  Join"),
    "enrol_title": QT_TRANSLATE_NOOP("Enrolment", "New programme member"),
    "enrol_name": QT_TRANSLATE_NOOP("Enrolment", "Name"),
    "enrol_phone": QT_TRANSLATE_NOOP("Enrolment", "Phone"),
    "enrol_card": QT_TRANSLATE_NOOP("Enrolment", "Card (scan one to link it)"),
    "enrol_terms": QT_TRANSLATE_NOOP(
        "Enrolment", "Accepts the programme terms (version {version})"
    ),
    "enrol_marketing": QT_TRANSLATE_NOOP("Enrolment", "Agrees to messages about offers"),
    "enrol_ok": QT_TRANSLATE_NOOP("Enrolment", "Enrol"),
    "enrolled": QT_TRANSLATE_NOOP("Enrolment", "{name} has joined; this purchase earns points"),
    "err_enrol_no_terms_consent": QT_TRANSLATE_NOOP(
        "Messages", "No enrolment without the customer accepting the programme terms"
    ),
    "err_enrol_name": QT_TRANSLATE_NOOP(
        "Messages", "Type the name in letters (2 to 80 characters)"
    ),
    "err_enrol_phone_known": QT_TRANSLATE_NOOP("Messages", "{phone} is already a member's: {name}"),
    "err_enrol_member_on_receipt": QT_TRANSLATE_NOOP(
        "Messages", "A member is already on this receipt: {name}"
    ),
    "err_enrol_bad_card": QT_TRANSLATE_NOOP("Messages", "“{card}” is not a programme card"),
    "err_enrol_card_taken": QT_TRANSLATE_NOOP(
        "Messages", "Card {card} already belongs to a member"
    ),
    "member_marketing_yes": QT_TRANSLATE_NOOP("Member", "Offers by message: yes"),
    "member_marketing_no": QT_TRANSLATE_NOOP("Member", "Offers by message: no"),
    "help_title": QT_TRANSLATE_NOOP("Help", "Till keys (F1)"),
    "help_scan": QT_TRANSLATE_NOOP(
        "Help", "scanner, or a code and Enter: item, card, app code, coupon, receipt"
    ),
    "help_qty": QT_TRANSLATE_NOOP("Help", "quantity of the line (or numpad digits)"),
    "help_find": QT_TRANSLATE_NOOP("Help", "find an item by name (or type it and Enter)"),
    "help_card": QT_TRANSLATE_NOOP("Help", "type a card number"),
    "help_phone": QT_TRANSLATE_NOOP("Help", "find the member by phone"),
    "help_return": QT_TRANSLATE_NOOP("Help", "return: the receipt number or the code on it"),
    "help_points": QT_TRANSLATE_NOOP("Help", "pay part with points"),
    "help_enrol": QT_TRANSLATE_NOOP("Help", "enrol a new member with consent"),
    "help_offers": QT_TRANSLATE_NOOP("Help", "the member's personal offers"),
    "help_remove": QT_TRANSLATE_NOOP("Help", "remove the selected line"),
    "help_cancel": QT_TRANSLATE_NOOP("Help", "cancel the receipt"),
    "help_park": QT_TRANSLATE_NOOP("Help", "put the receipt aside; on an empty till, take one up"),
    "help_pay": QT_TRANSLATE_NOOP("Help", "pay: cash, card, or both"),
    "help_sync": QT_TRANSLATE_NOOP("Help", "sync now"),
    "help_problems": QT_TRANSLATE_NOOP("Help", "sync problems, export to CSV"),
    "help_reprint": QT_TRANSLATE_NOOP("Help", "a copy of the last receipt"),
    "help_void": QT_TRANSLATE_NOOP("Help", "void a paid receipt (manager)"),
    "help_goods_back": QT_TRANSLATE_NOOP("Help", "return without a receipt (manager)"),
    "help_cash": QT_TRANSLATE_NOOP("Help", "cash put in / taken out"),
    "help_no_sale": QT_TRANSLATE_NOOP("Help", "open the drawer, no sale (manager)"),
    "help_report": QT_TRANSLATE_NOOP("Help", "the shift report (X report)"),
    "help_close": QT_TRANSLATE_NOOP("Help", "close the shift"),
    "help_logout": QT_TRANSLATE_NOOP("Help", "log out (change cashier)"),
    "help_price": QT_TRANSLATE_NOOP("Help", "a new price for the line (manager)"),
    "help_contrast": QT_TRANSLATE_NOOP("Help", "high contrast on and off"),
    "help_help": QT_TRANSLATE_NOOP("Help", "this list of keys"),
    "help_section_receipt": QT_TRANSLATE_NOOP("Help", "The receipt"),
    "help_section_customer": QT_TRANSLATE_NOOP("Help", "The customer"),
    "help_section_returns": QT_TRANSLATE_NOOP("Help", "Returns and copies"),
    "help_section_shift": QT_TRANSLATE_NOOP("Help", "The shift and the till"),
    "menu_help": QT_TRANSLATE_NOOP("Menu", "Keys help"),
    "receipt_coupon": QT_TRANSLATE_NOOP("Receipt", "Coupon for your next purchase"),
}


class Language:
    current = "ru"


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _translator(language)
    Language.current = language
    _use_qt_texts(language)


def tr(key: str, **params: object) -> str:
    """The text for `key` in the current language; money params (int kopecks) are formatted."""
    text = _text(Language.current, key)
    shown = {
        k: format_money(v) if _is_money(k) and isinstance(v, int) else v for k, v in params.items()
    }
    return text.format(**shown) if shown else text


def has_text(key: str) -> bool:
    return key in _TEXTS


def translation_file(language: str) -> str:
    return str(resource_path("i18n", f"pos_client_{language}.qm"))


@cache
def _translator(language: str) -> QTranslator | None:
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator()
    if not translator.load(translation_file(language)):
        raise FileNotFoundError(
            f"the {LANGUAGES[language]} texts are missing: {translation_file(language)}"
        )
    return translator


@cache
def _qt_translator(language: str) -> QTranslator | None:
    """Qt's own texts (a field's context menu, the date picker) in `language`, when the Qt
    build ships them."""
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator()
    found = translator.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    )
    return translator if found else None


def qt_texts_found(language: str) -> bool:
    """Whether Qt's own texts in `language` were found (English needs none)."""
    return language == SOURCE_LANGUAGE or _qt_translator(language) is not None


def _use_qt_texts(language: str) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    for other in LANGUAGES:
        installed = _qt_translator(other)
        if installed is not None:
            app.removeTranslator(installed)
    wanted = _qt_translator(language)
    if wanted is not None:
        app.installTranslator(wanted)


@cache
def _text(language: str, key: str) -> str:
    context, source = _TEXTS[key]
    translator = _translator(language)
    return (translator.translate(context, source) if translator else "") or source


def _is_money(name: str) -> bool:
    return name in {"total", "change", "missing", "received", "amount"}
