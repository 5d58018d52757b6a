"""English event language data: trigger lemmas, modality and negation cues, relative date words.

Written for ghatna.  TRIGGERS maps a lemma (verb or event noun, as spaCy lemmatises it) or a
lemma phrase (verb + particle or object noun: "step down", "declare emergency") to a PLOVER type
and mode.  Phrases are tried before single lemmas.
"""

from __future__ import annotations

TRIGGERS: dict[str, tuple[str, str | None]] = {}


def _add(kind: str, mode: str | None, *lemmas: str) -> None:
    for lemma in lemmas:
        TRIGGERS[lemma] = (kind, mode)


_add("CONSULT", None, "meet", "meeting", "talk", "talks", "discuss", "discussion", "consult",
     "consultation", "negotiate", "negotiation", "confer", "host", "hold talk", "hold talks")
# Mediation is consultation (CAMEO 045 "engage in mediation" -> CONSULT).
_add("CONSULT", None, "mediate", "mediation")
_add("CONSULT", "visit", "visit", "trip", "tour", "arrive")
_add("CONSULT", "multilateral", "summit", "conference")
_add("CONSULT", "phone", "call", "phone", "telephone", "phone call")
_add("AGREE", None, "agree", "pledge", "promise", "vow", "offer", "intend", "commit", "propose",
     "express willingness", "accept")
_add("SUPPORT", None, "support", "praise", "endorse", "welcome", "thank", "applaud", "hail",
     "congratulate", "back", "recognize", "recognise", "sign", "apologize", "apologise", "forgive",
     "defend", "commend", "laud")
_add("CONCEDE", None, "concede", "ease", "yield", "accede", "relent", "lift")
# Establishing, restoring or upgrading diplomatic ties (CAMEO 050 diplomatic cooperation, 054
# recognition -> SUPPORT).
for _verb in ("establish", "restore", "upgrade", "normalize", "normalise", "resume"):
    for _noun in ("tie", "ties", "relation", "relations"):
        TRIGGERS[f"{_verb} {_noun}"] = ("SUPPORT", None)
# Rallying support on someone's behalf (CAMEO 053 -> SUPPORT), not a mobilisation of forces.
_add("SUPPORT", None, "mobilize support", "mobilise support", "rally support", "drum up support",
     "garner support", "muster support")
# Acceding to demands (CAMEO 083 -> CONCEDE).
_add("CONCEDE", None, "accept demand", "accept demands", "meet demand", "meet demands", "grant demand",
     "grant demands", "accede to")
_add("COOPERATE", None, "cooperate", "cooperation", "collaborate", "share intelligence", "partner")
_add("AID", None, "aid", "assist", "assistance", "help", "donate", "grant", "provide", "supply",
     "send aid", "deliver aid", "fund", "give")
# Taking in refugees is granting refuge (CAMEO 075 "grant asylum" -> AID asylum).
_add("AID", "asylum", "asylum", "accept refugee", "accept refugees", "admit refugee", "admit refugees",
     "shelter refugee", "shelter refugees", "grant asylum")
_add("RETREAT", "resign", "resign", "resignation", "step down", "quit")
_add("RETREAT", "withdraw", "withdraw", "withdrawal", "pull out", "retreat", "recall")
_add("RETREAT", "release", "release", "free", "return")
_add("RETREAT", "ceasefire", "ceasefire", "truce", "armistice")
_add("RETREAT", "disarm", "disarm", "surrender", "demobilize", "demobilise")
_add("REQUEST", None, "demand", "request", "urge", "appeal", "call for", "ask", "press", "seek", "plead")
_add("ACCUSE", "allege", "accuse", "allege", "blame", "charge", "complain", "sue", "allegation",
     "accusation")
_add("ACCUSE", "disapprove", "criticize", "criticise", "condemn", "denounce", "criticism",
     "condemnation", "rebuke", "slam", "deplore", "censure", "attack verbally")
_add("ACCUSE", "investigate", "investigate", "investigation", "probe", "inquiry", "examine")
_add("REJECT", None, "reject", "refuse", "deny", "veto", "dismiss", "decline", "rebuff", "oppose",
     "rejection", "defy", "boycott talk")
_add("THREATEN", None, "threaten", "threat", "warn", "warning", "ultimatum")
_add("PROTEST", "demo", "protest", "demonstrate", "demonstration", "rally", "march", "unrest",
     "uprising", "revolt", "rebellion", "revolution", "dissent")
_add("PROTEST", "riot", "riot", "loot", "rioting", "looting")
_add("PROTEST", "strike", "strike", "walkout")
_add("PROTEST", "hunger", "hunger strike", "fast")
_add("PROTEST", "boycott", "boycott")
_add("PROTEST", "obstruct", "block", "occupy", "sit-in", "block road", "block roads", "block street",
     "block streets", "block highway", "block bridge", "block traffic", "block railway")
_add("PROTEST", "vandalize", "vandalize", "vandalise", "vandalism")
_add("SANCTION", "discontinue", "sanction", "embargo", "sever", "suspend", "cut tie", "cut ties",
     "ban", "halt", "freeze", "break off", "reduce relation", "reduce relations")
_add("SANCTION", "expel", "expel", "expulsion")
_add("SANCTION", "convict", "convict", "sentence", "conviction")
_add("MOBILIZE", "troops", "deploy", "deployment", "mobilize", "mobilise", "mobilization", "station",
     "send troop", "send troops", "mass")
_add("MOBILIZE", "police", "patrol")
# Reinforcing or strengthening forces increases them (CAMEO 154 -> MOBILIZE troops).
_add("MOBILIZE", "troops", "reinforce", "reinforcement", "strengthen force", "strengthen forces",
     "strengthen troop", "strengthen troops", "boost force", "boost forces", "boost troop", "boost troops",
     "increase troop", "increase troops", "beef up")
_add("MOBILIZE", "weapons", "test missile", "test-fire", "missile test")
_add("COERCE", "martial-law", "declare emergency", "state of emergency", "martial law", "emergency")
_add("COERCE", "curfew", "curfew", "impose curfew")
# A blockade restricts movement (CAMEO 191 "impose blockade, restrict movement" -> COERCE
# restrict); protesters blocking a road obstruct passage (CAMEO 144, PROTEST obstruct).
_add("COERCE", "restrict", "blockade")
_add("COERCE", "arrest", "arrest", "detain", "detention", "jail", "imprison", "capture", "custody")
_add("COERCE", "seize", "seize", "confiscate", "raid", "search", "occupation")
_add("COERCE", "deport", "deport", "deportation")
# Extradition is judicial cooperation (PETRARCH2's dictionary: EXTRADITE [063] -> COOPERATE).
_add("COOPERATE", None, "extradite", "extradition")
_add("COERCE", "restrict", "restrict", "crack down", "crackdown", "repress", "suppress", "repression",
     "clampdown", "outlaw")
_add("COERCE", "censor", "censor", "censorship", "block access")
_add("COERCE", "cyber", "hack", "hacking", "cyberattack")
_add("ASSAULT", None, "attack", "assault", "storm", "kill", "clash", "fight", "fighting", "violence",
     "invade", "invasion", "war", "massacre", "murder", "wound", "injure", "ambush", "raid")
_add("ASSAULT", "firearms", "shoot", "shooting", "gunfire", "fire", "gun down", "open fire")
_add("ASSAULT", "explosives", "bomb", "bombing", "explode", "explosion", "blast", "detonate")
_add("ASSAULT", "aerial", "airstrike", "air strike", "bombard", "bombardment", "strike")
_add("ASSAULT", "drone", "drone strike", "drone attack")
_add("ASSAULT", "heavy-weapons", "shell", "shelling", "rocket", "artillery", "missile strike")
_add("ASSAULT", "suicide-attack", "suicide bombing", "suicide attack", "suicide bomber")
_add("ASSAULT", "abduct", "abduct", "kidnap", "abduction", "kidnapping", "hijack", "hostage")
_add("ASSAULT", "beat", "beat", "beating", "lynch")
_add("ASSAULT", "sexual", "rape", "sexual assault", "sexually assault")
_add("ASSAULT", "targeted", "assassinate", "assassination", "execute", "execution")
_add("ASSAULT", "primitive", "stab", "stabbing", "arson", "torch", "set fire", "burn")
_add("ASSAULT", "crowd-control", "tear gas", "teargas", "water cannon", "baton charge", "lathi charge")
_add("ASSAULT", "destroy", "destroy", "demolish", "raze")
_add("ASSAULT", "torture", "torture")
# Suspending relations (SANCTION discontinue) as a noun too.
_add("SANCTION", "discontinue", "suspension")
# Reneging on a commitment and defying norms or laws are refusals (CAMEO 128 -> REJECT); violating
# a ceasefire is an attack (CAMEO 196 -> ASSAULT).
_add("REJECT", None, "renege", "violate", "breach", "flout")
_add("ASSAULT", None, "violate ceasefire", "violate truce", "breach ceasefire", "breach truce",
     "violate armistice")
# Easing a blockade, sanctions, a curfew or an emergency is a material retreat (CAMEO 0872, 085,
# 0813, 0814 -> RETREAT); easing restrictions on freedoms stays CONCEDE ("lift").
_add("RETREAT", None, "lift blockade", "lift siege", "lift embargo", "lift sanction", "lift sanctions",
     "lift curfew", "lift emergency", "ease sanction", "ease sanctions", "ease blockade", "end blockade",
     "end siege")
# Preventing or banning a protest restricts political freedoms (COERCE restrict).
# (Dispersing one is left out: it is done by force, PLOVER's ASSAULT crowd-control.)
for _verb in ("prevent", "ban", "stop", "forbid", "prohibit"):
    for _noun in ("demonstration", "protest", "rally", "march", "gathering", "strike"):
        TRIGGERS[f"{_verb} {_noun}"] = ("COERCE", "restrict")
# Disasters (ghatna's DISASTER type, EDNIL subtypes as modes).
DISASTERS: dict[str, str] = {
    "flood": "FLOODS", "flooding": "FLOODS", "earthquake": "EARTHQUAKE", "quake": "EARTHQUAKE",
    "tremor": "EARTHQUAKE", "cyclone": "CYCLONE", "hurricane": "HURRICANE", "typhoon": "CYCLONE",
    "storm": "STORM", "tornado": "TORNADO", "landslide": "LAND_SLIDE", "avalanche": "AVALANCHES",
    "tsunami": "TSUNAMI", "drought": "DROUGHT", "heatwave": "HEAT_WAVE", "heat wave": "HEAT_WAVE",
    "cold wave": "COLD_WAVE", "blizzard": "BLIZZARD", "wildfire": "FOREST_FIRE",
    "forest fire": "FOREST_FIRE", "volcano": "VOLCANO", "eruption": "VOLCANO", "hailstorm": "HAIL_STORMS",
    "blaze": "FIRE", "crash": "VEHICULAR_COLLISION", "collision": "VEHICULAR_COLLISION",
    "derailment": "TRAIN_COLLISION", "derail": "TRAIN_COLLISION", "plane crash": "AVIATION_HAZARD",
}

_add("COERCE", "seize", "intercept", "defuse", "dismantle", "recover weapon", "seize weapon")
_add("ASSAULT", None, "recapture", "retake", "overrun", "capture town", "capture village", "capture city",
     "capture territory", "seize town", "seize village", "seize city", "seize territory", "take control")
_add("MOBILIZE", "troops", "set up post", "set up base", "set up camp", "set up checkpoint",
     "establish base", "establish post", "build base")

# A strike by workers (PLOVER PROTEST strike): the noun with a labour modifier, or "on strike".
LABOUR_STRIKE_WORDS = frozenset({"general", "hunger", "labour", "labor", "nationwide", "national", "indefinite",
                                 "worker", "workers", "teacher", "teachers", "doctor", "doctors", "union",
                                 "transport", "day", "hour", "open-ended", "token", "sympathy", "wildcat"})

# Lemmas that are events only with one of these objects (release a statement, give a speech,
# free kick, lightning struck).
OBJECT_REQUIRED: dict[str, frozenset[str]] = {
    "release": frozenset({"prisoner", "hostage", "detainee", "captive", "activist", "journalist",
                          "soldier", "sailor", "fisherman", "national", "citizen", "worker", "people"}),
    "free": frozenset({"prisoner", "hostage", "detainee", "captive", "activist", "journalist"}),
    "give": frozenset({"aid", "assistance", "money", "fund", "loan", "grant", "weapon", "arm",
                       "support", "asylum", "refuge", "shelter", "food", "help"}),
    "return": frozenset({"territory", "land", "prisoner", "hostage", "body", "remains", "weapon"}),
    "strike": frozenset({"target", "base", "position", "village", "town", "city", "convoy",
                         "camp", "depot", "facility", "site", "ship", "troop", "force"}),
}

# Releasing or freeing a named person is a release (RETREAT release), whatever the noun.
PERSON_OBJECT_VERBS = frozenset({"release", "free"})

# Peacekeepers sent or arriving are aid (CAMEO 074 "provide military protection or peacekeeping"
# -> AID peacekeeping), not a show of force.
PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "peacekeepers"})

# Banning people or organisations from political life is COERCE restrict, banning or suspending
# publications COERCE censor (the manual's COERCE modes); banning trade or flights stays SANCTION.
POLITICAL_BAN_OBJECTS = frozenset({"party", "candidate", "politician", "opposition", "leader", "activist",
                                   "group", "organization", "organisation", "movement", "union", "member"})
CENSOR_OBJECTS = frozenset({"newspaper", "publication", "broadcast", "website", "channel", "station", "media",
                            "magazine", "journal", "book", "film", "internet"})
BAN_VERBS = frozenset({"ban", "suspend", "outlaw"})

# The object decides: seizing or destroying weapons is COERCE seize, capturing a place is ASSAULT,
# setting up a post or base is MOBILIZE.
WEAPON_NOUNS = frozenset({"weapon", "gun", "explosive", "ied", "device", "bomb", "ammunition", "mine", "ammo",
                          "firearm", "pistol", "grenade", "stash", "arsenal",
                          "rocket", "arm", "cache", "missile", "rifle", "launcher"})
TERRITORY_NOUNS = frozenset({"town", "village", "city", "territory", "area", "district", "province",
                             "region", "base", "hill", "airport", "port", "border", "outpost", "position",
                             "neighborhood", "neighbourhood", "locality", "camp", "crossing", "stronghold",
                             "capital", "island", "valley", "settlement", "headquarters", "field", "oilfield",
                             "checkpoint", "post", "suburb", "county", "state", "enclave", "zone"})
# Reducing or stopping aid is a sanction (CAMEO 162 "reduce or stop aid" -> SANCTION discontinue).
REDUCTION_VERBS = frozenset({"reduce", "cut", "halt", "stop", "suspend", "withdraw", "freeze", "end", "curtail",
                             "slash", "block"})
# Finding weapons or a cache of them is seizing them (COERCE seize: search, confiscate).
FINDING_VERBS = frozenset({"find", "discover", "uncover", "unearth", "recover", "locate"})
# Modes of using a weapon: detonating explosives or firing rockets is an attack, not a seizure.
WEAPON_USE_MODES = frozenset({"explosives", "firearms", "aerial", "heavy-weapons", "drone", "suicide-attack"})
# Repression done violently is an attack (CAMEO 175 "use violent repression" -> ASSAULT).
VIOLENT_MANNER = frozenset({"violently", "brutally", "violent", "brutal", "deadly", "bloody", "lethal"})
# Subjects that make an attack or clash a violent protest (PLOVER PROTEST riot).
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "crowd"})
# Violence between two sides: a clash with protesters is a violent protest.
MUTUAL_VIOLENCE = frozenset({"clash", "violence", "fighting", "skirmish", "scuffle"})
# Civilian groups whose blockade of a road is a protest (PLOVER PROTEST is civilian collective
# action; a state's blockade is COERCE restrict).
CIVILIAN_GROUP_NOUNS = frozenset({"worker", "farmer", "student", "trucker", "driver", "activist", "supporter",
                                  "resident", "villager", "youth", "fisherman", "teacher"})

# Lemmas too ambiguous to be triggers on their own in news English (call it a mistake, back
# home, fire an official, ask a question, press reporters, a search engine);
# phrases that contain them ("call for", "open fire", "send troops") still count.
for _lemma in ("call", "back", "press", "ask", "arrive", "mass", "station", "fast", "search", "block",
               "charge", "fire", "march", "trip", "tour"):
    TRIGGERS.pop(_lemma, None)

# Dependency labels (spaCy English) of a trigger's arguments.
ACTOR_DEPS = frozenset({"nsubj", "agent", "csubj"})
RECIPIENT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "attr"})
RECIPIENT_PREPOSITIONS = frozenset({"to", "against", "with", "on", "at", "for", "toward", "towards", "into"})
ACTOR_PREPOSITIONS = frozenset({"by"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout", "inside"})

NEGATION_CUES = frozenset({"not", "n't", "no", "never", "without"})
# Verbs whose complement did not happen (failed to reach an agreement).
NEGATING_GOVERNORS = frozenset({"fail"})
# Verbs of permission: negated they are a refusal to allow (REJECT), and a future refusal
# ("will not allow another revolution") is a forceful warning (THREATEN).
PERMISSION_VERBS = frozenset({"allow", "permit", "tolerate"})
FUTURE_CUES = frozenset({"will", "shall", "'ll", "plan", "vow", "promise", "pledge", "intend",
                         "going", "aim", "threaten"})
HYPOTHETICAL_CUES = frozenset({"if", "could", "might", "may", "would", "possible", "possibly",
                               "perhaps", "unless", "should"})
REPORTED_CUES = frozenset({"allege", "alleged", "allegedly", "claim", "claimed", "reportedly",
                           "purportedly", "so-called", "accuse", "accused"})

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
YESTERDAY_OR_TOMORROW = None
RELATIVE_PERIODS = {
    ("last", "week"): ("week", -1), ("this", "week"): ("week", 0), ("next", "week"): ("week", 1),
    ("last", "month"): ("month", -1), ("this", "month"): ("month", 0), ("next", "month"): ("month", 1),
    ("last", "year"): ("year", -1), ("this", "year"): ("year", 0), ("next", "year"): ("year", 1),
    ("past", "week"): ("week", -1),
}

# Date words (events/dates.py): a bare year after one of these is a date; a weekday after
# NEXT_WORDS lies ahead, after LAST_WORDS behind.
YEAR_AFTER: frozenset[str] = frozenset()
YEAR_BEFORE = frozenset({"in", "since"})
NEXT_WORDS = frozenset({"next", "coming"})
LAST_WORDS = frozenset({"last", "past"})
