"""The rule catalogue: every rule of the standard (R1-R30) with its titles and the sessions it
governs, so that validation, pre-checks, explanations, the checker and every report name rules
the same way (../shared/spec/rules.md is the source of the ids)."""

from __future__ import annotations

from dataclasses import dataclass

from models.base import Purpose


@dataclass(frozen=True)
class Rule:
    """One rule: its stable id, its title in Finnish and English, and the purposes of the
    sessions whose staffing and days it judges (the rest of the programme falls under R9)."""

    id: str
    fi: str
    en: str
    purposes: tuple[Purpose, ...] = ()

    def title(self, language: str) -> str:
        return self.fi if language == "fi" else self.en

    @property
    def number(self) -> int:
        return int(self.id.removeprefix("R"))


RULES: tuple[Rule, ...] = (
    Rule("R1", "kuntoutujat", "participants"),
    Rule("R2", "kurssipäivät", "course days"),
    Rule("R3", "kuntoutuspäivän pituus", "day length"),
    Rule("R4", "kuntoutusohjelman tunnit", "programme hours"),
    Rule("R5", "yksilöllisten tapaamisten kestot", "individual durations"),
    Rule("R6", "ryhmämuotoiset keskustelut", "group discussions"),
    Rule("R7", "pienryhmätyöskentely", "small groups"),
    Rule("R8", "ateriat ja tauot", "meals and breaks", (Purpose.LUNCH,)),
    Rule("R9", "teemat ja niiden ohjaajat", "themes and who leads them"),
    Rule("R10", "työmenetelmät", "methods"),
    Rule("R11", "arviointi", "assessment", (Purpose.MEASURES_START, Purpose.MEASURES_END)),
    Rule("R12", "ensimmäinen päivä", "first day"),
    Rule("R13", "tavoitetyöskentely", "goal work", (Purpose.GOAL_INTRO,)),
    Rule("R14", "haastattelut", "interviews", (Purpose.INTERVIEW,)),
    Rule("R15", "ensimmäinen tavoite", "first goal", (Purpose.GAS_GOALS,)),
    Rule("R16", "yksilötapaamiset ja ryhmä", "interviews vs group"),
    Rule("R17", "tavoitteiden arviointi", "goal review", (Purpose.GOAL_REVIEW,)),
    Rule("R18", "aloituskeskustelu", "opening discussion", (Purpose.OPENING,)),
    Rule("R19", "loppukeskustelu", "closing discussion", (Purpose.CLOSING,)),
    Rule("R20", "työryhmä", "team"),
    Rule("R21", "kokemus", "experience"),
    Rule("R22", "kurssivastaava", "course lead"),
    Rule("R23", "erikoislääkärin alustukset", "physician's lectures", (Purpose.LECTURE,)),
    Rule("R24", "erityistyöntekijät", "special workers"),
    Rule("R25", "muu kuntoutushenkilöstö", "other staff"),
    Rule("R26", "henkilöstön tunnit yhteensä", "total staff hours"),
    Rule("R27", "tuntien jakautuminen", "staff-hour shares"),
    Rule("R28", "henkilöstön kokoukset", "staff meetings", (Purpose.STAFF_MEETING,)),
    Rule("R29", "ei päällekkäisyyksiä", "no double booking"),
    Rule("R30", "kuntoutustilat", "rooms"),
)

RULE_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# The course's own programme (sessions without a purpose of their own) follows R9.
PROGRAMME_RULE = "R9"

_RULE_OF_PURPOSE: dict[Purpose, str] = {
    purpose: rule.id for rule in RULES for purpose in rule.purposes
}


def rule_of_purpose(purpose: Purpose | None) -> str:
    """The rule that judges the staffing and days of a session with this purpose."""
    if purpose is None:
        return PROGRAMME_RULE
    return _RULE_OF_PURPOSE.get(purpose, PROGRAMME_RULE)


def rule_title(rule_id: str, language: str = "fi") -> str:
    return RULE_BY_ID[rule_id].title(language)


def rule_number(rule_id: str) -> int:
    """'R14' -> 14, for sorting ids in rule order (0 for a key that is not a rule id)."""
    digits = "".join(c for c in rule_id if c.isdigit())
    return int(digits) if digits else 0


def rules_text(rule_ids: tuple[str, ...] | list[str] | set[str]) -> str:
    """'R14, R15' in rule order, each once."""
    return ", ".join(sorted(set(rule_ids), key=rule_number))
