"""The workbook's palette and measures: colours, number formats, widths and heights."""

from __future__ import annotations

FONT = "Calibri"
INK = "1F2933"  # near-black text
MUTED = "6B7280"  # secondary text
RULE = "C8CDD3"  # light lines
FRAME = "7B8794"  # day separators and table frames
HEAD_FILL = "E8ECF1"  # header rows
TITLE_INK = "1D3557"

# Soft fills a printer renders well and black text stays readable on; one per theme in the
# order the standard lists them.
THEME_FILLS = (
    "CDE8C4",  # green
    "CFE0F4",  # blue
    "E4D6F2",  # lavender
    "FBE1C2",  # apricot
    "F7D1DA",  # rose
    "E8EFBF",  # lime
    "C8ECE8",  # teal
    "F3E3B5",  # sand
    "DCE3EC",  # steel
)
CATEGORY_FILLS = {
    "framework": "FFE9A8",  # opening, goals, measures: the course's backbone
    "individual": "EEF4FB",
    "staff_meeting": "E5E7EB",
    "meal": "F3F4F6",
    "transfer": "F3F4F6",
    "other": "EEF0F3",
}
INDIVIDUAL_EDGE = "3B6EA5"
AWAY_FILL = "FCE8D5"  # a participant's known absence in their own plan
AWAY_INK = "9A3412"
CHANGED_EDGE = "C2410C"  # a re-plan's changed sessions: a thick burnt-orange frame
REASON_WIDTH = 104
PASS_FILL, FAIL_FILL, NA_FILL = "D8F0D2", "F8D4D4", "EEEEEE"

HOURS_FORMAT = '0.0#;-0.0#;"–"'  # hours; a zero shows as a dash
PERCENT_FORMAT = "0.0 %"
CLOCK_FORMAT = "hh:mm"
SLOT_ROW_POINTS = 21.0  # height of a 15-minute row: a 30-minute block holds four lines
WEEK_HEADER_ROWS = 4  # title, subtitle, day names, lane names
TIME_WIDTH = 6.5
GROUP_LANE_WIDTH = 13.0
SIDE_LANE_WIDTH = 16.5
