"""The Excel workbook a course manager hands out: the week at a glance, staff, each participant's
own plan, the hours table, the compliance report and what made the timetable.

Every word comes from `scheduler.labels`; theme names from the standard; session titles from
the timetable. Made from a `Timetable` alone, so `kurssi export` can re-make it from JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind, format_clock, text_in
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import CheckReport, UncheckableTimetable, check, rule_title
from scheduler.export.layout import GROUP_LANES, WeekLayout, week_layout
from scheduler.hours import COUNTED_KINDS, HoursTable, hours_table, unique_staff
from scheduler.labels import has_label, label
from scheduler.load import load_standard
from scheduler.output import write_atomic

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
REASON_WIDTH = 104
PASS_FILL, FAIL_FILL, NA_FILL = "D8F0D2", "F8D4D4", "EEEEEE"

HOURS_FORMAT = '0.0#;-0.0#;"–"'  # hours; a zero shows as a dash
PERCENT_FORMAT = "0.0 %"
SLOT_ROW_POINTS = 21.0  # height of a 15-minute row: a 30-minute block holds four lines
WEEK_HEADER_ROWS = 4  # title, subtitle, day names, lane names
TIME_WIDTH = 6.5
GROUP_LANE_WIDTH = 13.0
SIDE_LANE_WIDTH = 16.5


def _side(color: str = RULE, style: str = "thin") -> Side:
    return Side(style=style, color=color)


def _darker(hex_color: str, factor: float = 0.62) -> str:
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{int(c * factor):02X}" for c in (red, green, blue))


def _fill(hex_color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=hex_color, end_color=hex_color)


def _font(size: float = 10, bold: bool = False, italic: bool = False, color: str = INK) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic, color=color)


def _inline(size: float, bold: bool = False, italic: bool = False, color: str = INK) -> InlineFont:
    return InlineFont(rFont=FONT, sz=size, b=bold, i=italic, color=color)


class _Context:
    """The timetable, its standard and the language, with the look-ups every sheet needs."""

    def __init__(
        self, timetable: Timetable, standard: Standard, language: str, participant_names: bool
    ) -> None:
        self.timetable = timetable
        self.standard = standard
        self.lang = language
        self.participant_names = participant_names
        self.staff = {member.id: member for member in timetable.staff}
        self.rooms = {room.id: room for room in timetable.rooms}
        self.participants = {p.id: p for p in timetable.participants}
        self.theme_ids = [theme.id for theme in standard.themes]

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def title(self, session: Session) -> str:
        return text_in(session.titles, self.lang) if session.titles else session.title

    def theme_title(self, theme_id: str) -> str:
        theme = self.standard.theme(theme_id)
        return text_in(theme.title, self.lang) if theme else theme_id

    def date_text(self, day: date, short: bool = False) -> str:
        month_name = self.t(f"month_{day.month}")
        key = "date_short" if short else "date"
        return self.t(key, day=day.day, month=day.month, year=day.year, month_name=month_name)

    def weekday(self, day: date) -> str:
        return self.t(f"weekday_{day.weekday()}")

    def day_heading(self, day: date, short: bool = True) -> str:
        return self.t("day_heading", weekday=self.weekday(day), date=self.date_text(day, short))

    def dates(self) -> str:
        days = self.timetable.days
        return self.t("date_range", first=self.date_text(days[0]), last=self.date_text(days[-1]))

    def times(self, session: Session) -> str:
        return self.t(
            "time_range", start=format_clock(session.start), end=format_clock(session.end)
        )

    def staff_name(self, staff_id: str) -> str:
        member = self.staff.get(staff_id)
        return member.label if member else staff_id

    def staff_names(self, session: Session) -> str:
        return ", ".join(self.staff_name(s) for s in session.staff)

    def room_name(self, session: Session) -> str:
        if session.room is None:
            return ""
        room = self.rooms.get(session.room)
        return (room.name or room.id) if room else session.room

    def participant(self, participant_id: str) -> str:
        person = self.participants.get(participant_id)
        if self.participant_names and person and person.name:
            return f"{participant_id} {person.name}"
        return participant_id

    def participant_list(self, ids: Sequence[str]) -> str:
        """K01–K05 for a run of consecutive participants, else a list."""
        order = {p.id: i for i, p in enumerate(self.timetable.participants)}
        if self.participant_names or any(i not in order for i in ids):
            return ", ".join(self.participant(i) for i in ids)
        ranks = sorted(order[i] for i in ids)
        ordered = [self.timetable.participants[r].id for r in ranks]
        runs: list[list[str]] = []
        for rank, pid in zip(ranks, ordered, strict=True):
            if runs and order[runs[-1][-1]] == rank - 1:
                runs[-1].append(pid)
            else:
                runs.append([pid])
        return ", ".join(run[0] if len(run) < 3 else f"{run[0]}–{run[-1]}" for run in runs)

    def role(self, role: str) -> str:
        key = f"role_{role}"
        return self.t(key) if has_label(key) else role.replace("_", " ")

    def staff_group(self, staff_id: str) -> str:
        member = self.staff.get(staff_id)
        if member is None:
            return "other"
        return (member.group or self.standard.default_group_of(member.role)).value

    def kind(self, session: Session) -> str:
        return self.t(f"kind_{session.kind.value}")

    def category(self, session: Session) -> str:
        if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
            return "meal"
        if session.kind == SessionKind.TRANSFER:
            return "transfer"
        if session.kind == SessionKind.STAFF_MEETING:
            return "staff_meeting"
        if session.theme:
            return f"theme:{session.theme}"
        if session.kind == SessionKind.INDIVIDUAL:
            return "individual"
        if session.purpose:
            return "framework"
        return "other"

    def category_fill(self, category: str) -> str:
        if category.startswith("theme:"):
            theme = category.removeprefix("theme:")
            index = self.theme_ids.index(theme) if theme in self.theme_ids else len(self.theme_ids)
            return THEME_FILLS[index % len(THEME_FILLS)]
        return CATEGORY_FILLS[category]

    def category_name(self, category: str) -> str:
        if category.startswith("theme:"):
            return self.theme_title(category.removeprefix("theme:"))
        return self.t(f"category_{category}")

    def session_theme(self, session: Session) -> str:
        return self.theme_title(session.theme) if session.theme else ""


# ---------------------------------------------------------------------------------------------
# Shared sheet helpers


def _print_setup(ws: Worksheet, ctx: _Context, title_rows: str | None = None) -> None:
    """A4 landscape, one page wide, as many pages tall as it takes, header rows repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.45
    ws.page_margins.bottom = 0.55
    ws.page_margins.header = 0.2
    ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = ctx.t("page_footer", course=ctx.timetable.course.title)
    ws.oddFooter.center.size = 8
    ws.oddFooter.center.font = FONT
    ws.sheet_view.showGridLines = False


def _title(ws: Worksheet, row: int, text: str, last_col: int, size: float = 15) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = _font(size, bold=True, color=TITLE_INK)
    cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[row].height = size * 1.7


def _note(ws: Worksheet, row: int, text: str, last_col: int, height: float | None = None) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = _font(9, color=MUTED)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if height:
        ws.row_dimensions[row].height = height


def _header_row(ws: Worksheet, row: int, headings: Sequence[str], first_col: int = 1) -> None:
    for offset, text in enumerate(headings):
        cell = ws.cell(row=row, column=first_col + offset, value=text)
        cell.font = _font(9.5, bold=True)
        cell.fill = _fill(HEAD_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = Border(bottom=_side(FRAME), top=_side(FRAME))
    ws.row_dimensions[row].height = 20


def _data_row(
    ws: Worksheet,
    row: int,
    values: Sequence[Any],
    first_col: int = 1,
    bold: bool = False,
    fill: str | None = None,
    number_format: str = HOURS_FORMAT,
) -> None:
    for offset, value in enumerate(values):
        cell = ws.cell(row=row, column=first_col + offset, value=value)
        cell.font = _font(9.5, bold=bold)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        cell.border = Border(bottom=_side(RULE))
        if isinstance(value, float | int) and not isinstance(value, bool):
            cell.number_format = number_format
            cell.alignment = Alignment(vertical="top", horizontal="right")
        if fill:
            cell.fill = _fill(fill)


def _widths(ws: Worksheet, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _text_height(lines: Iterable[str], width: float, line_points: float = 12.5) -> float:
    """Row height for wrapped 9.5-point text in a column `width` characters wide: LibreOffice
    keeps the height a file gives, so a row of several lines must say how tall it is."""
    per_line = max(int(width * 1.4), 1)  # 9.5-point text fits more than the width
    count = sum(max(-(-len(line) // per_line), 1) for line in lines) or 1
    return max(15.0, count * line_points + 3)


def _sheet_name(text: str, taken: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:31] or "_"
    name, n = cleaned, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


# ---------------------------------------------------------------------------------------------
# Week at a glance


def _block_text(ctx: _Context, session: Session) -> CellRichText | str:
    title = ctx.title(session)
    small = _inline(8)
    muted = _inline(8, color=MUTED)
    if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
        return CellRichText([TextBlock(_inline(8.5, italic=True, color=MUTED), title)])
    if session.kind == SessionKind.TRANSFER:
        parts = [TextBlock(_inline(8, italic=True, color=MUTED), title)]
        if session.staff:
            parts.append(TextBlock(muted, "\n" + ctx.staff_names(session)))
        return CellRichText(parts)
    lines: list[TextBlock] = []
    if session.kind == SessionKind.INDIVIDUAL:
        who = ctx.participant_list(session.participants)
        lines.append(TextBlock(_inline(8.5, bold=True), who))
        lines.append(TextBlock(small, " " + title))
    else:
        lines.append(TextBlock(_inline(8.5, bold=True), title))
    if session.kind == SessionKind.SMALL_GROUP:
        members = ctx.t(
            "small_group_members",
            half=session.small_group or "",
            members=ctx.participant_list(session.participants),
        )
        lines.append(TextBlock(small, "\n" + members))
    if session.staff:
        lines.append(TextBlock(small, "\n" + ctx.staff_names(session)))
    room = ctx.room_name(session)
    if room:
        lines.append(TextBlock(muted, "\n" + room))
    return CellRichText(lines)


def _style_range(
    ws: Worksheet,
    rows: tuple[int, int],
    cols: tuple[int, int],
    fill: PatternFill | None,
    edge: Side,
    day_edge: int | None,
) -> None:
    """Fills a block and draws its frame; keeps the day separator on the day's first column."""
    for row in range(rows[0], rows[1] + 1):
        for col in range(cols[0], cols[1] + 1):
            cell = ws.cell(row=row, column=col)
            if fill is not None:
                cell.fill = fill
            left = edge if col == cols[0] else None
            if col == day_edge:
                left = _side(FRAME, "medium")
            cell.border = Border(
                left=left,
                right=edge if col == cols[1] else None,
                top=edge if row == rows[0] else None,
                bottom=edge if row == rows[1] else None,
            )


def _week_sheet(ws: Worksheet, ctx: _Context, layout: WeekLayout) -> None:
    first_col: list[int] = []
    col = 2
    for lanes in layout.lanes:
        first_col.append(col)
        col += lanes
    last_col = col - 1
    top = WEEK_HEADER_ROWS + 1  # first slot row

    course = ctx.timetable.course
    _title(ws, 1, ctx.t("week_title", course=course.title), last_col)
    form = ctx.t(f"form_{course.form.value}")
    subtitle = ws.cell(row=2, column=1, value=ctx.t("week_subtitle", dates=ctx.dates(), form=form))
    subtitle.font = _font(10, color=MUTED)
    ws.row_dimensions[2].height = 16

    # Day names over each day's lanes, then the lanes' own names.
    ws.cell(row=3, column=1, value=ctx.t("time"))
    ws.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    for day_index, day in enumerate(layout.days):
        start, lanes = first_col[day_index], layout.lanes[day_index]
        ws.merge_cells(start_row=3, start_column=start, end_row=3, end_column=start + lanes - 1)
        ws.cell(row=3, column=start, value=ctx.day_heading(day))
        ws.merge_cells(start_row=4, start_column=start, end_row=4, end_column=start + 1)
        ws.cell(row=4, column=start, value=ctx.t("lane_group"))
        if lanes > GROUP_LANES:
            ws.merge_cells(
                start_row=4,
                start_column=start + GROUP_LANES,
                end_row=4,
                end_column=start + lanes - 1,
            )
            side = {
                p.session.kind
                for p in layout.placements
                if p.day == day_index and p.lane >= GROUP_LANES
            }
            name = "lane_side" if side <= {SessionKind.INDIVIDUAL} else "lane_side_meetings"
            ws.cell(row=4, column=start + GROUP_LANES, value=ctx.t(name))
    day_starts = set(first_col)
    for row in (3, 4):
        for col in range(1, last_col + 1):
            cell = ws.cell(row=row, column=col)
            cell.fill = _fill(HEAD_FILL if row == 3 else "F5F7FA")
            cell.font = _font(11, bold=True) if row == 3 else _font(8, color=MUTED)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = Border(
                left=_side(FRAME, "medium") if col in day_starts else None,
                top=_side(FRAME) if row == 3 else None,
                bottom=_side(FRAME),
            )
    ws.cell(row=3, column=1).font = _font(9, bold=True, color=MUTED)
    ws.row_dimensions[3].height = 21
    ws.row_dimensions[4].height = 13

    # The clock and the empty grid: a line on every full hour, a faint one on the half hour.
    per_hour = max(60 // layout.slot, 1)
    row_points = SLOT_ROW_POINTS * layout.slot / 15
    for index in range(layout.rows):
        row = top + index
        minutes = layout.row_start(index)
        ws.row_dimensions[row].height = row_points
        full_hour = minutes % 60 == 0
        clock = ws.cell(row=row, column=1, value=format_clock(minutes))
        clock.font = _font(9, bold=True) if full_hour else _font(7.5, color=MUTED)
        clock.alignment = Alignment(horizontal="right", vertical="top")
        ends_hour = (minutes + layout.slot) % 60 == 0
        ends_half = (minutes + layout.slot) % 30 == 0 and per_hour > 1
        bottom = _side(RULE) if ends_hour else _side("E5E7EB", "hair") if ends_half else None
        for col in range(1, last_col + 1):
            ws.cell(row=row, column=col).border = Border(
                left=_side(FRAME, "medium") if col in day_starts else None,
                bottom=bottom,
            )

    # One merged block per session.
    for place in layout.placements:
        session = place.session
        row0, row1 = top + place.row, top + place.row + place.rows - 1
        col0 = first_col[place.day] + place.lane
        col1 = col0 + place.lanes - 1
        if (row0, col0) != (row1, col1):
            ws.merge_cells(start_row=row0, start_column=col0, end_row=row1, end_column=col1)
        cell = ws.cell(row=row0, column=col0, value=_block_text(ctx, session))
        quiet = session.kind in (SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER)
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="center" if quiet else "top",
            horizontal="center" if quiet else "left",
            indent=0 if quiet else 1,
        )
        category = ctx.category(session)
        colour = ctx.category_fill(category)
        if session.kind == SessionKind.INDIVIDUAL:
            edge = _side(INDIVIDUAL_EDGE)
        elif quiet:
            edge = _side("B8BEC6", "dotted")
        else:
            edge = _side(_darker(colour))
        _style_range(ws, (row0, row1), (col0, col1), _fill(colour), edge, None)

    # Day separators and the grid's outer frame go over the blocks' own edges.
    last_row = top + layout.rows - 1
    for row in range(top, last_row + 1):
        for col in range(1, last_col + 1):
            cell = ws.cell(row=row, column=col)
            old = cell.border
            cell.border = Border(
                left=_side(FRAME, "medium") if col in day_starts else old.left,
                right=_side(FRAME, "medium") if col == last_col else old.right,
                top=old.top,
                bottom=_side(FRAME, "medium") if row == last_row else old.bottom,
            )

    # The colour key under the grid: each entry in its own colour.
    used: list[str] = []
    for session in sorted(ctx.timetable.sessions, key=lambda s: (s.date, s.start, s.id)):
        category = ctx.category(session)
        if category not in used:
            used.append(category)
    themes = [c for c in used if c.startswith("theme:")]
    themes.sort(key=lambda c: ctx.theme_ids.index(c[6:]) if c[6:] in ctx.theme_ids else 99)
    others = [c for c in CATEGORY_FILLS if c in used]
    row = top + layout.rows + 1
    ws.row_dimensions[row].height = 18
    key_cell = ws.cell(row=row, column=2, value=ctx.t("legend"))
    key_cell.font = _font(8.5, bold=True, color=MUTED)
    key_cell.alignment = Alignment(vertical="bottom")
    row += 1
    per_row = max((last_col - 1) // 2, 1)
    for index, category in enumerate(themes + others):
        r = row + index // per_row
        c = 2 + (index % per_row) * 2
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
        cell = ws.cell(row=r, column=c, value=ctx.category_name(category))
        cell.font = _font(8)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        colour = ctx.category_fill(category)
        edge = _side(INDIVIDUAL_EDGE) if category == "individual" else _side(_darker(colour))
        _style_range(ws, (r, r), (c, c + 1), _fill(colour), edge, None)
        ws.row_dimensions[r].height = 24

    widths = [TIME_WIDTH]
    for lanes in layout.lanes:
        widths += [GROUP_LANE_WIDTH] * GROUP_LANES + [SIDE_LANE_WIDTH] * (lanes - GROUP_LANES)
    _widths(ws, widths)
    ws.freeze_panes = ws.cell(row=top, column=2)
    _print_setup(ws, ctx, title_rows=f"3:{WEEK_HEADER_ROWS}")
    ws.print_area = f"A1:{get_column_letter(last_col)}{row + (len(used) - 1) // per_row}"


# ---------------------------------------------------------------------------------------------
# Staff


@dataclass(frozen=True)
class StaffHours:
    """Each person's staff minutes with participants (R26), per course day."""

    by_person_day: dict[tuple[str, date], int]

    @classmethod
    def of(cls, timetable: Timetable) -> StaffHours:
        minutes: dict[tuple[str, date], int] = defaultdict(int)
        for session in timetable.sessions:
            if not cls.counts(session):
                continue
            for staff_id in unique_staff(session):
                minutes[staff_id, session.date] += session.minutes
        return cls(dict(minutes))

    @staticmethod
    def counts(session: Session) -> bool:
        return session.kind in COUNTED_KINDS

    def minutes(self, staff_id: str, day: date) -> int:
        return self.by_person_day.get((staff_id, day), 0)

    def total(self, staff_id: str) -> int:
        return sum(m for (person, _), m in self.by_person_day.items() if person == staff_id)


def _staff_sheet(ws: Worksheet, ctx: _Context, hours: StaffHours) -> None:
    days = ctx.timetable.days
    headings = [
        ctx.t("col_person"),
        ctx.t("col_role"),
        ctx.t("col_staff_group"),
        *(ctx.day_heading(day) for day in days),
        ctx.t("col_total"),
    ]
    last_col = len(headings)
    _title(ws, 1, ctx.t("staff_title"), last_col)
    _note(ws, 2, ctx.t("staff_hours_note"), last_col, height=26)
    row = 4
    section = ws.cell(row=row, column=1, value=ctx.t("staff_summary"))
    section.font = _font(11, bold=True, color=TITLE_INK)
    row += 1
    _header_row(ws, row, headings)
    header_row = row
    for member in ctx.timetable.staff:
        row += 1
        role = ctx.role(member.role)
        if member.course_lead:
            role = f"{role} ({ctx.t('course_lead')})"
        per_day = [_hours(hours.minutes(member.id, day)) for day in days]
        _data_row(
            ws,
            row,
            [
                member.label,
                role,
                ctx.t(f"group_{ctx.staff_group(member.id)}"),
                *per_day,
                _hours(hours.total(member.id)),
            ],
        )
        ws.cell(row=row, column=last_col).font = _font(9.5, bold=True)
    row += 1
    totals = [_hours(sum(hours.minutes(m.id, day) for m in ctx.timetable.staff)) for day in days]
    everyone = _hours(sum(hours.total(m.id) for m in ctx.timetable.staff))
    _data_row(ws, row, [ctx.t("all_staff"), "", "", *totals, everyone], bold=True, fill=HEAD_FILL)

    # Each person's sessions.
    columns = [
        ctx.t("col_day"),
        ctx.t("col_time"),
        ctx.t("col_session"),
        ctx.t("col_kind"),
        ctx.t("col_room"),
        ctx.t("col_participants"),
        ctx.t("col_hours"),
    ]
    for member in ctx.timetable.staff:
        sessions = sorted(
            (s for s in ctx.timetable.sessions if member.id in s.staff),
            key=lambda s: (s.date, s.start, s.id),
        )
        row += 2
        ws.row_breaks.append(Break(id=row - 1))  # each person's list on a page of its own
        heading = ctx.t("staff_person_heading", name=member.label, role=ctx.role(member.role))
        cell = ws.cell(row=row, column=1, value=heading)
        cell.font = _font(11, bold=True, color=TITLE_INK)
        ws.row_dimensions[row].height = 20
        row += 1
        _header_row(ws, row, columns)
        ws.cell(row=row, column=len(columns)).alignment = Alignment(
            horizontal="right", vertical="center"
        )
        for session in sessions:
            row += 1
            counted = hours.counts(session)
            _data_row(
                ws,
                row,
                [
                    ctx.day_heading(session.date),
                    ctx.times(session),
                    ctx.title(session),
                    ctx.kind(session),
                    ctx.room_name(session),
                    ctx.participant_list(session.participants),
                    _hours(session.minutes) if counted else ctx.t("not_counted"),
                ],
            )
            if not counted:
                for col in range(1, len(columns) + 1):
                    ws.cell(row=row, column=col).font = _font(9.5, italic=True, color=MUTED)
                ws.cell(row=row, column=len(columns)).alignment = Alignment(
                    horizontal="right", vertical="top"
                )
        row += 1
        _data_row(
            ws,
            row,
            ["", "", "", "", "", ctx.t("col_total"), _hours(hours.total(member.id))],
            bold=True,
        )
    _widths(ws, [22, 30, 38, 17, 15, 15, 13, 13, 13, 13, 13][: max(last_col, 7)])
    for col in range(4, last_col + 1):
        ws.cell(row=header_row, column=col).alignment = Alignment(
            horizontal="right", vertical="center", wrap_text=True
        )
    ws.freeze_panes = "A4"
    _print_setup(ws, ctx)


# ---------------------------------------------------------------------------------------------
# Participants: the written individual plan of §6.2


def _participant_sheet(ws: Worksheet, ctx: _Context, participant_id: str) -> None:
    sessions = sorted(
        (s for s in ctx.timetable.sessions if participant_id in s.participants),
        key=lambda s: (s.date, s.start, s.small_group or "", s.id),
    )
    columns = [
        ctx.t("col_time"),
        ctx.t("col_session"),
        ctx.t("col_theme"),
        ctx.t("col_responsible"),
        ctx.t("col_room"),
    ]
    last_col = len(columns)
    _title(ws, 1, ctx.t("plan_title", participant=ctx.participant(participant_id)), last_col)
    sub = ws.cell(
        row=2,
        column=1,
        value=ctx.t("plan_subtitle", course=ctx.timetable.course.title, dates=ctx.dates()),
    )
    sub.font = _font(10, color=MUTED)
    _note(ws, 3, ctx.t("plan_intro"), last_col, height=16)
    row = 4
    _header_row(ws, row, columns)
    header_row = row
    current: date | None = None
    for session in sessions:
        if session.date != current:
            current = session.date
            row += 1
            number = ctx.timetable.day_number(current)
            text = ctx.day_heading(current, short=False)
            if number:
                text = f"{text} · {ctx.t('course_day', number=number)}"
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
            cell = ws.cell(row=row, column=1, value=text)
            cell.font = _font(10.5, bold=True, color=TITLE_INK)
            cell.fill = _fill("F5F7FA")
            cell.alignment = Alignment(vertical="center")
            for col in range(1, last_col + 1):
                ws.cell(row=row, column=col).border = Border(top=_side(FRAME))
            ws.row_dimensions[row].height = 19
        row += 1
        title = ctx.title(session)
        if session.kind == SessionKind.SMALL_GROUP and session.small_group:
            title = f"{title} ({ctx.t('small_group_half', half=session.small_group)})"
        individual = session.kind == SessionKind.INDIVIDUAL
        _data_row(
            ws,
            row,
            [
                ctx.times(session),
                title,
                ctx.session_theme(session),
                ctx.staff_names(session),
                ctx.room_name(session),
            ],
            bold=individual,
            fill="EAF1F8" if individual else None,
        )
        if session.kind in (SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER):
            for col in range(1, last_col + 1):
                ws.cell(row=row, column=col).font = _font(9.5, italic=True, color=MUTED)

    # Room to write the goals agreed with the participant.
    row += 2
    goals = ws.cell(row=row, column=1, value=ctx.t("plan_goals"))
    goals.font = _font(11, bold=True, color=TITLE_INK)
    for number in (1, 2, 3):
        row += 1
        ws.row_dimensions[row].height = 24
        cell = ws.cell(row=row, column=1, value=ctx.t("plan_goal_line", number=number))
        cell.font = _font(9.5, color=MUTED)
        cell.alignment = Alignment(vertical="bottom")
        for col in range(1, last_col + 1):
            ws.cell(row=row, column=col).border = Border(bottom=_side(FRAME))
    _widths(ws, [13, 42, 40, 30, 18])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _print_setup(ws, ctx, title_rows=f"{header_row}:{header_row}")
    ws.page_setup.fitToHeight = 1  # the plan is one sheet of paper in the participant's hand


# ---------------------------------------------------------------------------------------------
# Hours and compliance (from the checker), changes and about


def _mark(ctx: _Context, within: bool, too_few: bool = True) -> str:
    if within:
        return ctx.t("hours_within")
    return ctx.t("hours_below" if too_few else "hours_above")


def _result_cell(ws: Worksheet, row: int, col: int, within: bool | None) -> None:
    """A pass/fail mark in its colour; nothing to judge leaves the cell plain."""
    if within is None:
        return
    cell = ws.cell(row=row, column=col)
    cell.fill = _fill(PASS_FILL if within else FAIL_FILL)
    cell.font = _font(9.5, bold=True, color=INK if within else "9B1C1C")
    cell.alignment = Alignment(horizontal="center", vertical="top")


def _section(ws: Worksheet, row: int, text: str) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = _font(11, bold=True, color=TITLE_INK)
    cell.alignment = Alignment(vertical="bottom")
    ws.row_dimensions[row].height = 22


def _hours_sheet(ws: Worksheet, ctx: _Context, table: HoursTable) -> None:
    """Appendix 1 lines against the standard's minimums, Appendix 2 shares against their bands
    and each person's hours against their minimum and maximum, as the checker counts them."""
    last_col = 8
    _title(ws, 1, ctx.t("hours_title"), last_col)
    _note(ws, 2, ctx.t("hours_note"), last_col, height=26)

    # Appendix 1: what the timetable gives, line by line, beside the standard's minimum.
    row = 4
    _section(ws, row, ctx.t("hours_lines_heading"))
    row += 1
    _header_row(
        ws,
        row,
        [ctx.t("col_item"), ctx.t("col_hours"), ctx.t("col_standard_minimum"), ctx.t("col_result")],
    )
    ws.row_dimensions[row].height = 28
    headers, results = [row], {row: 4}
    for line in table.lines:
        row += 1
        minimum = None if line.standard_minutes is None else _hours(line.standard_minutes)
        within = None if line.standard_minutes is None else line.minutes >= line.standard_minutes
        key = f"hours_line_{line.key}"
        title = ctx.t(key) if has_label(key) else line.title(ctx.lang)
        mark = "" if within is None else _mark(ctx, within)
        fill = HEAD_FILL if line.subtotal else None
        _data_row(
            ws, row, [title, _hours(line.minutes), minimum, mark], bold=line.subtotal, fill=fill
        )
        _result_cell(ws, row, 4, within)

    # Appendix 2: each staff group's share of the hours given, against the standard's band.
    row += 2
    _section(ws, row, ctx.t("hours_shares_heading"))
    row += 1
    _header_row(
        ws,
        row,
        [
            ctx.t("col_staff_group"),
            ctx.t("col_hours"),
            ctx.t("col_share"),
            ctx.t("col_band"),
            ctx.t("col_band_low"),
            ctx.t("col_band_high"),
            ctx.t("col_result"),
        ],
    )
    ws.row_dimensions[row].height = 28
    headers.append(row)
    results[row] = 7
    for group in table.groups:
        row += 1
        low, high = group.whole_band_minutes
        band = ctx.t("band_percent", low=group.band_percent[0], high=group.band_percent[1])
        too_few = group.minutes < low
        _data_row(
            ws,
            row,
            [
                ctx.t(f"group_{group.group.value}"),
                _hours(group.minutes),
                round(group.share_percent / 100, 4),
                band,
                _hours(low),
                _hours(high),
                _mark(ctx, group.within, too_few),
            ],
        )
        ws.cell(row=row, column=3).number_format = PERCENT_FORMAT
        ws.cell(row=row, column=4).alignment = Alignment(horizontal="right", vertical="top")
        for col in (5, 6):
            ws.cell(row=row, column=col).number_format = "0.0#"  # a band from 0 h shows 0
        _result_cell(ws, row, 7, group.within)
    row += 1
    enough = table.total_minutes >= table.min_total_minutes
    _data_row(
        ws,
        row,
        [
            ctx.t("all_groups"),
            _hours(table.total_minutes),
            1.0 if table.total_minutes else 0.0,
            "",
            _hours(table.min_total_minutes),
            "",
            _mark(ctx, enough),
        ],
        bold=True,
        fill=HEAD_FILL,
    )
    ws.cell(row=row, column=3).number_format = PERCENT_FORMAT
    _result_cell(ws, row, 7, enough)

    # Each person: group and individual hours against their role's minimum and own maximum,
    # under their staff group as Appendix 2 counts them.
    row += 2
    _section(ws, row, ctx.t("hours_people_heading"))
    row += 1
    _header_row(
        ws,
        row,
        [
            ctx.t("col_person"),
            ctx.t("col_group_hours"),
            ctx.t("col_individual_hours"),
            ctx.t("col_total"),
            ctx.t("col_share"),
            ctx.t("col_minimum"),
            ctx.t("col_maximum"),
            ctx.t("col_result"),
        ],
    )
    ws.row_dimensions[row].height = 28
    headers.append(row)
    results[row] = 8
    for group in table.groups:
        people = [p for p in table.people if p.group == group.group]
        if not people:
            continue
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        cell = ws.cell(row=row, column=1, value=ctx.t(f"group_{group.group.value}"))
        cell.font = _font(9.5, bold=True, color=TITLE_INK)
        cell.fill = _fill("F5F7FA")
        ws.row_dimensions[row].height = 17
        for person in people:
            row += 1
            member = ctx.staff.get(person.staff_id)
            role = ctx.role(person.role)
            if member is not None and member.course_lead:
                role = f"{role}, {ctx.t('course_lead')}"
            judged = person.min_minutes is not None or person.max_minutes is not None
            too_few = person.min_minutes is not None and person.minutes < person.min_minutes
            _data_row(
                ws,
                row,
                [
                    f"{ctx.staff_name(person.staff_id)} ({role})",
                    _hours(person.group_minutes),
                    _hours(person.individual_minutes),
                    _hours(person.minutes),
                    round(person.share_percent / 100, 4),
                    None if person.min_minutes is None else _hours(person.min_minutes),
                    None if person.max_minutes is None else _hours(person.max_minutes),
                    _mark(ctx, person.within, too_few) if judged else "",
                ],
            )
            ws.cell(row=row, column=4).font = _font(9.5, bold=True)
            ws.cell(row=row, column=5).number_format = PERCENT_FORMAT
            _result_cell(ws, row, 8, person.within if judged else None)
    for header in headers:
        for col in range(2, last_col + 1):
            cell = ws.cell(row=header, column=col)
            if cell.value and col != results[header]:
                cell.alignment = Alignment(horizontal="right", vertical="center", wrap_text=True)
    _widths(ws, [50, 14, 14, 14, 14, 14, 14, 14])
    _print_setup(ws, ctx)
    ws.page_setup.fitToHeight = 1  # the whole table on one page


def _compliance_sheet(ws: Worksheet, ctx: _Context, report: Any) -> None:
    columns = [
        ctx.t("col_rule"),
        ctx.t("col_rule_title"),
        ctx.t("col_status"),
        ctx.t("col_reason"),
    ]
    last_col = len(columns)
    _title(ws, 1, ctx.t("compliance_title"), last_col)
    failed = [r for r in report.results if r.status == "fail"]
    summary = (
        ctx.t("compliance_summary_fail", count=len(failed))
        if failed
        else ctx.t("compliance_summary_pass")
    )
    cell = ws.cell(row=2, column=1, value=summary)
    cell.font = _font(10.5, bold=True, color="9B1C1C" if failed else "1E6B34")
    row = 4
    _header_row(ws, row, columns)
    header_row = row
    fills = {"pass": PASS_FILL, "fail": FAIL_FILL}
    for result in report.results:
        row += 1
        reasons = result.reasons_in(ctx.lang)
        title = rule_title(result.rule, ctx.lang)
        title = title[:1].upper() + title[1:]
        _data_row(
            ws, row, [result.rule, title, ctx.t(f"status_{result.status}"), "\n".join(reasons)]
        )
        ws.row_dimensions[row].height = _text_height(reasons, REASON_WIDTH)
        status = ws.cell(row=row, column=3)
        status.fill = _fill(fills.get(result.status, NA_FILL))
        status.font = _font(9.5, bold=True)
    _widths(ws, [8, 34, 12, REASON_WIDTH])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _print_setup(ws, ctx, title_rows=f"{header_row}:{header_row}")


def _changes_sheet(ws: Worksheet, ctx: _Context) -> None:
    columns = [
        ctx.t("col_session"),
        ctx.t("col_change"),
        ctx.t("col_before"),
        ctx.t("col_after"),
        ctx.t("col_notify"),
    ]
    _title(ws, 1, ctx.t("changes_title"), len(columns))
    row = 3
    _header_row(ws, row, columns)
    for change in ctx.timetable.changes:
        row += 1
        notify = ", ".join(
            ctx.staff_name(p) if p in ctx.staff else ctx.participant(p) for p in change.notify
        )
        _data_row(
            ws, row, [change.title, change.change, change.before or "", change.after or "", notify]
        )
    _widths(ws, [34, 30, 26, 26, 34])
    ws.freeze_panes = "A4"
    _print_setup(ws, ctx, title_rows="3:3")


def _about_sheet(ws: Worksheet, ctx: _Context, report: Any | None) -> None:
    timetable = ctx.timetable
    solver = timetable.solver
    none = ctx.t("about_none")

    def number(value: float | None) -> float | str:
        return none if value is None else value

    standard_title = f"{text_in(ctx.standard.title, ctx.lang)} ({ctx.standard.id})"
    rows: list[tuple[str, Any]] = [
        (ctx.t("about_course"), timetable.course.title),
        (ctx.t("about_dates"), ctx.dates()),
        (ctx.t("about_form"), ctx.t(f"form_{timetable.course.form.value}")),
        (ctx.t("about_standard"), standard_title),
        (ctx.t("about_participants"), len(timetable.participants)),
        (ctx.t("about_staff"), len(timetable.staff)),
        (ctx.t("about_sessions"), len(timetable.sessions)),
        (ctx.t("about_input_hash"), timetable.input_sha256 or none),
        (ctx.t("about_solver_status"), solver.status if solver else none),
        (ctx.t("about_objective"), number(solver.objective if solver else None)),
        (ctx.t("about_bound"), number(solver.bound if solver else None)),
        (
            ctx.t("about_solve_time"),
            ctx.t("about_seconds", seconds=solver.seconds) if solver else none,
        ),
        (ctx.t("about_seed"), solver.seed if solver else none),
        (ctx.t("about_tool_version"), timetable.tool_version or none),
    ]
    if timetable.previous:
        rows.append((ctx.t("about_previous"), timetable.previous))
    if report is not None:
        status = "pass" if report.passed else "fail"
        rows.append((ctx.t("about_checked"), ctx.t(f"status_{status}")))
    _title(ws, 1, ctx.t("about_title"), 2)
    row = 2
    for key, value in rows:
        row += 1
        _data_row(ws, row, [key, value], number_format="General")
        ws.cell(row=row, column=1).font = _font(9.5, bold=True)
        ws.cell(row=row, column=2).alignment = Alignment(horizontal="left", vertical="top")
    row += 2
    privacy = "about_privacy_names" if ctx.participant_names else "about_privacy"
    _note(ws, row, ctx.t(privacy), 2)
    _widths(ws, [28, 80])
    _print_setup(ws, ctx)


# ---------------------------------------------------------------------------------------------


def _check(timetable: Timetable, standard: Standard) -> CheckReport | None:
    """The checker's report, or None when the timetable's own course data does not hold."""
    try:
        return check(timetable, standard)
    except UncheckableTimetable:
        return None


def build_workbook(
    timetable: Timetable,
    language: str = "fi",
    *,
    participant_names: bool = False,
    standard: Standard | None = None,
) -> Workbook:
    """The whole workbook in memory (tests read it without a file)."""
    standard = standard or load_standard(timetable.standard)
    ctx = _Context(timetable, standard, language, participant_names)
    report = _check(timetable, standard)
    hours = StaffHours.of(timetable)
    workbook = Workbook()
    taken: set[str] = set()
    week = workbook.active
    week.title = _sheet_name(ctx.t("sheet_week"), taken)
    _week_sheet(week, ctx, week_layout(timetable))
    if timetable.changes:
        _changes_sheet(workbook.create_sheet(_sheet_name(ctx.t("sheet_changes"), taken)), ctx)
    _staff_sheet(workbook.create_sheet(_sheet_name(ctx.t("sheet_staff"), taken)), ctx, hours)
    for participant in timetable.participants:
        sheet = workbook.create_sheet(_sheet_name(ctx.participant(participant.id), taken))
        _participant_sheet(sheet, ctx, participant.id)
    table = report.hours if report is not None else hours_table(timetable, standard)
    _hours_sheet(workbook.create_sheet(_sheet_name(ctx.t("sheet_hours"), taken)), ctx, table)
    compliance = workbook.create_sheet(_sheet_name(ctx.t("sheet_compliance"), taken))
    if report is not None:
        _compliance_sheet(compliance, ctx, report)
    else:
        _title(compliance, 1, ctx.t("compliance_title"), 4)
        _print_setup(compliance, ctx)
    _about_sheet(workbook.create_sheet(_sheet_name(ctx.t("sheet_about"), taken)), ctx, report)
    workbook.properties.title = ctx.t("week_title", course=timetable.course.title)
    workbook.properties.creator = f"kurssi {timetable.tool_version or ''}".strip()
    return workbook


def write_workbook(
    timetable: Timetable,
    path: Path,
    language: str = "fi",
    *,
    participant_names: bool = False,
    standard: Standard | None = None,
) -> Path:
    """Writes the workbook to `path` (a free path) atomically; returns the path."""
    workbook = build_workbook(
        timetable, language, participant_names=participant_names, standard=standard
    )
    return write_atomic(Path(path), lambda temporary: workbook.save(temporary))
