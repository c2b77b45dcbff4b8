"""The vocabulary of the rules: every word list they match, once, with the token attribute it
is matched on ("lemma": `tok.lemma_.lower()`, "lower": `tok.lower_`).

These are general English news-writing conventions (how meetings, titles, places
and speech are expressed), not facts about any particular article. A word list
lives here and nowhere else, so that adding a word to a construction is one edit,
and tests/test_vocabulary.py checks that no word sits in two lists that
contradict each other. Dependency labels and entity labels are the parser's
categories, not vocabulary, and stay as named constants in the modules that read them.
"""
from __future__ import annotations


class Words(frozenset):
    """A set of words and the token attribute ("lemma" or "lower") the rules compare them with."""

    attr: str

    def __new__(cls, attr: str, words) -> Words:
        if attr not in ("lemma", "lower"):
            raise ValueError(f"unknown token attribute {attr!r}")
        found = super().__new__(cls, words)
        found.attr = attr
        return found

# Verbs whose subject and object/with-partner met in person; the receptions need a guest as
# object (patterns/meetings.yaml says which check each verb's parse must pass).
PLAIN_MEETING_VERBS = Words("lemma", {"meet", "confer", "huddle"})
HOSTING_VERBS = Words("lemma", {"receive", "welcome", "host", "greet", "entertain"})
# Sharing a meal is meeting in person: "dined with X", "lunched with X".
MEAL_VERBS = Words("lower", {"dine", "dines", "dined", "dining", "lunched", "breakfasted"})  # the model lemmatises "dined" as "din"
# What two people do side by side, when the text says "together": "A and B toured the port together".
SIDE_BY_SIDE_VERBS = Words("lemma", {"tour", "visit", "walk", "stroll", "inspect", "attend", "watch", "lay", "plant",
                                     "ride", "travel", "arrive", "unveil", "inaugurate", "view", "pray", "pose",
                                     "sign", "witness", "open", "launch", "eat"})
MEETING_VERBS = Words("lemma", PLAIN_MEETING_VERBS | HOSTING_VERBS | {"hold", "sit", "visit"})
# Objects that make "hold"/"have"/"conduct" a meeting ("held talks with").
MEETING_NOUNS = Words("lower", {"meeting", "meetings", "talks", "talk", "summit", "discussion", "discussions",
                                "consultations", "negotiations", "audience", "encounter", "engagement",
                                "engagements", "session", "tête-à-tête", "bilateral"})
# Gestures two people make to each other in person: "A and B greeted each other", "A and B embraced".
GESTURE_VERBS = Words("lemma", {"greet", "embrace", "hug", "welcome", "salute", "kiss"})
# Appearances made together ("a joint news conference with X", "A and B held a joint briefing").
APPEARANCE_NOUNS = Words("lower", {"conference", "appearance", "briefing", "availability"})
# Meals shared with a named guest: "had a working lunch with X", "hosted a dinner for X".
MEAL_NOUNS = Words("lemma", {"lunch", "luncheon", "dinner", "breakfast", "banquet"})
LIGHT_VERBS = Words("lemma", {"hold", "have", "conduct", "attend", "chair", "host", "begin", "start", "open",
                              "wrap", "conclude", "convene", "grant"})
# Saying something to someone face to face, in a visit's "where he asked X to ...".
ADDRESS_VERBS = Words("lemma", {"ask", "tell", "urge", "assure", "brief", "thank", "press", "invite",
                                "congratulate"})
ATTEND_VERBS = Words("lemma", {"attend", "join", "accompany"})
TRAVEL_VERBS = Words("lemma", {"travel", "arrive", "fly", "go", "visit", "come", "head", "stop", "land", "tour"})
# Heads that keep a meeting from being reported as having happened.
MODAL_HEADS = Words("lemma", {"plan", "expect", "hope", "want", "seek", "refuse", "decline", "propose", "agree",
                              "postpone", "cancel", "delay", "scrap", "suspend", "schedule", "set", "intend", "aim", "wish", "try", "offer", "invite", "ask", "urge",
                              "call", "prepare", "consider", "threaten", "promise", "fail", "need", "send",
                              "dispatch", "likely", "able", "press", "push", "lobby", "appeal",
                              "look"})  # "looked forward to meeting X"
MODAL_AUX = Words("lower", {"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll",
                            "wo", "ca"})
NOT_MEETING_NOUN_MODS = Words("lower", {"planned", "proposed", "upcoming", "possible", "potential", "future",
                                        "next", "scheduled", "expected", "hypothetical", "previous", "earlier",
                                        "file", "phone", "telephone", "video", "virtual"})
# Occasions a meeting is held at or on the margins of: a place named under them is the venue
# ("on the sidelines of the General Assembly in New York", "for the first time in Ankara").
MARGIN_NOUNS = Words("lemma", {"sideline", "sidelines", "margin", "margins"})  # "on the margins of the summit"
OCCASION_NOUNS = Words("lemma", MARGIN_NOUNS | {"summit", "conference", "session",
                                 "debate", "assembly", "forum", "time", "visit", "trip", "tour", "ceremony",
                                 "gathering", "event", "occasion", "dinner", "lunch", "luncheon", "banquet",
                                 "breakfast", "meeting", "meetings", "talks", "consultations", "round", "framework",
                                 "course",
                                 "part", "celebration", "festival", "games", "gala", "reception", "week",
                                 "congress", "convention", "council", "retreat", "expo"})
# Last words of a building's name: an organisation-tagged "Al Husseiniya Palace" or "Union
# Buildings" after "at" is where a meeting was held.
VENUE_NOUNS = Words("lower", {"palace", "house", "buildings", "building", "hall", "hotel", "residence", "castle",
                              "complex", "villa", "mansion", "chancellery", "pavilion", "embassy", "kremlin",
                              "centre", "center"})
# Common nouns that name a kind of place: "the resort island of Bali", "the southern city of Antalya".
PLACE_NOUNS = Words("lemma", {"city", "town", "capital", "island", "village", "province", "region", "port",
                              "resort", "district", "state", "country", "kingdom", "republic", "borough", "county",
                              "office"})  # "in his office at Al-Bahr Palace"
PHONE_WORDS = Words("lower", {"phone", "telephone", "call", "called", "video", "videoconference", "virtual",
                              "online"})

REPORTING_VERBS = Words("lemma", {"say", "state", "tell", "stress", "emphasize", "emphasise", "highlight", "note",
                                  "add", "urge", "call", "warn", "insist", "argue", "claim", "declare",
                                  "announce", "praise", "hail", "express", "reiterate", "pledge", "vow", "affirm",
                                  "reaffirm", "assert", "point", "underline", "underscore", "describe", "accuse",
                                  "condemn", "welcome", "thank", "criticize", "criticise", "demand", "propose",
                                  "suggest", "explain", "reply", "respond", "write", "tweet", "report",
                                  "acknowledge", "admit", "confirm", "deny", "mention", "remark", "observe",
                                  "comment", "voice", "convey", "reaffirm", "stat", "ask", "advocate", "recall",
                                  "predict", "concede", "contend", "maintain", "stress", "blast", "slam", "assure",
                                  "reassure", "promise", "post"})
# Reporting verbs that report words only with a clause or a quotation ("maintained that ...",
# "'...,' she added"): with a direct object they keep, watch or count ("maintain the image",
# "observe the ceasefire", "added 200 jobs").
CLAUSE_ONLY_VERBS = Words("lemma", {"maintain", "observe", "add"})
# Reporting verbs that never take the person spoken to as their object, so a name right after
# one, behind a quotation ("'...,' explained Macron"), is its subject inverted.
INVERTING_VERBS = Words("lemma", {"say", "explain", "add", "stress", "note", "declare", "state", "remark",
                                  "comment", "observe", "emphasize", "emphasise", "insist", "recall",
                                  "acknowledge", "admit", "reply", "respond", "post", "write", "tweet"})
# A meeting told as one before the meeting reported: "the two last met", "their previous
# meeting" ("first" is not: "met for the first time on Tuesday"; nor "earlier": "met earlier
# on Monday" may be the same day's meeting).
EARLIER_WORDS = Words("lower", {"last", "previous", "previously", "prior"})
# Words that make a present perfect one of experience ("have met several times", "has never
# met"), not news of what just happened.
EXPERIENCE_WORDS = Words("lower", {"times", "before", "never", "ever", "often", "repeatedly", "since", "previously",
                                   "twice"})
# Small words an office keeps in lower case ("Minister of State for External Affairs").
LOWER_IN_TITLES = Words("lower", {"of", "the", "for", "and", "to", "on", "in", "at", "a", "an", "de", "del", "la",
                                  "von", "van"})
# A meeting told as the next step of the occasion the article opens with.
SAME_DAY_CUES = ["afterwards", "afterward", "then", "after that", "of the day", "same day", "that day",
                 "subsequently", "later that day", "later in the day", "earlier in the day", "in the day",
                 "hours earlier", "hours later", "that evening", "that morning", "that afternoon"]
SAME_TRIP_CUES = Words("lower", {"also", "another", "further", "next", "separate"})
# What a speaker's own sentence takes a stance with (transcripts): "I believe", "we oppose".
STANCE_VERBS = Words("lemma", {"believe", "think", "want", "hope", "value", "oppose", "support", "ensure", "urge",
                               "insist", "reject", "intend", "commit", "demand", "call", "expect", "remain",
                               "stand"})
# Verbs whose object alone is a stance taken in public ("condemned the attack", "welcomed the
# deal", "rejected the plan"): a position however short the object.
STANCE_OBJECT_VERBS = Words("lemma", {"condemn", "welcome", "reject", "praise", "hail", "criticize", "criticise",
                                      "denounce", "applaud", "endorse", "oppose", "slam", "blast", "commend",
                                      "seek"})
REPORTING_NOUNS = Words("lower", {"statement", "comments", "comment", "remarks", "remark", "readout", "release",
                                  "words", "view", "views", "position", "stance", "message", "speech", "address",
                                  "interview"})

# Head nouns of titles ("Foreign Minister", "Ambassador to Qatar", "special envoy").
TITLE_NOUNS = Words("lower", {"minister", "ambassador", "envoy", "president", "vice-president", "premier",
                              "chancellor", "secretary", "secretary-general", "director", "director-general",
                              "diplomat", "official", "officials", "leader", "chairman", "chairwoman", "chairperson",
                              "chair",
                              "chief", "head", "representative", "spokesman", "spokeswoman", "spokesperson",
                              "king", "queen", "prince", "emir", "sheikh", "sultan", "governor", "mayor",
                              "senator", "congressman", "congresswoman", "commander", "general", "admiral",
                              "adviser", "advisor", "counselor", "counsellor", "consul", "deputy",
                              "undersecretary", "under-secretary", "negotiator", "mediator", "delegate", "member",
                              "lawmaker", "politician", "founder", "ceo", "executive", "prime", "crown", "pope",
                              "emperor", "empress", "princess", "cardinal", "archbishop", "bishop",
                              "justice", "judge", "commissioner", "attaché", "coordinator", "officer", "aide",
                              "administrator", "lieutenant", "colonel", "major", "captain", "councillor",
                              "councilor", "mp", "legislator", "speaker", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
                              "ms", "ms.", "sir", "lord", "lady",
                              # abbreviated titles of US and military usage ("Rep. Gwen Moore (D-Wis.)", "Lt. Gen.")
                              "rep.", "sen.", "gov.", "del.", "lt.", "gen.", "col.",
                              "adm.", "rev.", "sgt.", "amb.", "supt.", "cmdr.", "capt.", "maj.", "atty.", "insp.",
                              "pm", "fm", "vp",
                              # Irish heads of government, titled so in English too ("Taoiseach Leo Varadkar")
                              "taoiseach", "tánaiste", "tanaiste"})
# Standings one person holds alone, which a relative of the same surname does not share:
# "President Bush" is not "First Lady Laura Bush", "King Charles" not "Princess Anne".
STANDING_TITLES = Words("lower", {"president", "lady", "king", "queen", "prince", "princess", "emperor", "empress"})
# "I had the opportunity to meet X": an occasion someone had (past) to do something is what they did.
OCCASION_TO = Words("lemma", {"opportunity", "chance", "occasion", "pleasure", "honour", "honor", "privilege"})
# "I am pleased to be here today", "thank you for receiving us here today": a transcript
# speaker at the meeting on the day of the transcript.
PRESENT_TODAY = Words("lemma", {"be", "come", "arrive", "receive", "meet", "see", "welcome", "accompany", "host",
                                "join"})
# "Remarks by President X", "Statement by X", "X's opening remarks": who speaks throughout a text.
SPOKEN_BY = Words("lower", {"remarks", "statement", "speech", "address", "op-ed", "message", "letter", "interview",
                            "answer"})
# Title words that are also English surnames: after a given name they close a name ("Julie
# Bishop", "Larry King", "John Major"), where a title would lead it.
SURNAME_TITLES = Words("lower", {"king", "bishop", "major", "justice", "judge", "pope", "chancellor", "dean",
                                 "marshal", "sheriff"})
# Titles of people known by one name: "King Abdullah" is how English names him, so title and
# name together are his full name.
ONE_NAME_TITLES = Words("lower", {"king", "queen", "emir", "sultan", "pope", "prince", "princess",
                                  "emperor", "empress"})
HONORIFICS = Words("lower", {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "madam",
                              "excellency", "highness", "majesty",  # "His Excellency X"
                              "hon", "hon.", "honourable", "honorable", "rt", "rt."})  # "Senator the Hon X"
# Descriptions that stand for an organisation already named ("the group said").
GROUP_NOUNS = Words("lower", {"group", "movement", "organization", "organisation", "party", "ministry",
                              "government", "militia", "faction", "agency", "office", "alliance", "coalition",
                              "bloc", "league"})

# Topic keywords for grouping positions and meetings; first match wins.
TOPICS = [
    ("ceasefire", ("ceasefire", "cease-fire", "truce", "stop the war", "end the war", "cessation", "end the conflict",
                   "end the fighting", "end the violence", "armistice")),
    ("humanitarian", ("humanitarian", "aid", "civilians", "famine", "starvation", "displaced", "casualties")),
    ("statehood", ("two-state", "state solution", "independent state", "statehood", "sovereign", "independent",
                   "full membership", "self-determination")),
    ("withdrawal", ("withdraw", "withdrawal", "pull out", "occupation")),
    ("relations", ("relations", "relationship", "friendship", "partners", "cooperation", "ties", "bilateral")),
    ("security", ("security", "terrorism", "armed", "resistance", "military", "missile", "weapons")),
    ("trade", ("trade", "economic", "investment", "tariff", "sanctions")),
    ("international role", ("security council", "united nations", "court", "international community", "role")),
]
# Nouns for a group of people that an organisation or country sends ("a Hamas delegation").
GROUP_HEADS = Words("lower", {"delegation", "delegations", "official", "officials", "team", "teams", "government",
                              "leader", "leaders", "representative", "representatives", "counterpart",
                              "counterparts", "side", "envoy", "envoys", "minister", "ministers", "negotiator",
                              "negotiators", "diplomat", "diplomats", "leadership", "mission", "group"})
# Capitalised words that belong to names of places, bodies and events, not people.
NOT_NAME_WORDS = Words("lower", {"league", "ministry", "department", "council", "union", "nations", "united",
                                 "states", "state", "party", "east", "west", "north", "south", "middle",
                                 "central", "asia", "africa", "europe", "america", "pacific", "gulf", "sea",
                                 "strip", "bank", "river", "island", "islands", "republic", "kingdom", "emirates",
                                 "issue", "trip", "summit", "conference", "forum", "affairs", "foreign", "office",
                                 "house", "court", "agency", "committee", "commission", "organization",
                                 "organisation", "authority", "assembly", "parliament", "congress", "senate",
                                 "army", "forces", "force", "police", "news", "times", "post", "press", "media",
                                 "university", "institute", "center", "centre", "bureau", "politburo", "movement",
                                 "group", "bank", "fund", "investment", "treaty", "accord", "agreement", "war",
                                 "crisis", "talks", "meeting", "meets", "holds", "bilateral", "ramps", "says",
                                 "said", "january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday", "sunday", "global", "international",
                                 "national", "world", "arab", "islamic", "chinese", "israeli", "palestinian",
                                 "russian", "american", "european", "coronation", "revolution", "uprising",
                                 "protests", "spring", "accords", "initiative", "plan", "doctrine", "games",
                                 "staff", "embassy", "consulate", "square", "street", "palace", "hall", "airport",
                                 "city", "province", "region"})
# Nouns through which a body or a person speaks ("the ministry said", "a Hamas statement said",
# "the Clinton campaign says", "his response was to say", "Trump's tweet said"); through any other noun someone else
# speaks ("Pagliano's lawyer said", "a Clinton aide said").
VOICE_NOUNS = Words("lemma", {"statement", "readout", "release", "spokesman", "spokeswoman", "spokesperson",
                              "ministry", "office", "government", "movement", "delegation", "embassy", "agency",
                              "communique", "communiqué", "announcement", "report", "media", "source", "sources",
                              "official", "officials", "campaign", "administration", "response", "reaction",
                              "answer", "reply", "tweet", "post", "letter", "email", "memo", "book", "column",
                              "testimony", "website", "ad", "speech", "remark", "comment", "word", "message",
                              "interview"})

# ---- parties: who took part ------------------------------------------------------------
TITLE_WORDS = Words("lower", TITLE_NOUNS | {"counterpart"})  # "his Congolese counterpart" stands where a title would
# Plural nouns that, counted ("the two leaders", "both sides", "the top diplomats of the two
# nations"), stand for people just named rather than for new ones.
PAIR_NOUNS = Words("lemma", {"leader", "president", "minister", "premier", "head", "diplomat", "envoy",
                             "official", "side", "delegation", "counterpart", "statesman", "chief"})
COUNT_WORDS = {"two": 2, "both": 2, "three": 3}  # matched on lower
# Clauses inside a party's phrase that still name parties ("a delegation led by X").
KEEP_CLAUSES = Words("lemma", {"lead", "head", "chair", "include", "accompany", "comprise"})
# Prepositions whose phrase never holds a meeting's party ("met X after the war", "for talks").
SKIP_PREPS = Words("lower", {"since", "before", "after", "amid", "despite", "for", "about", "over", "until",
                             "following", "as"})
PARTNER_PREPS = Words("lower", {"with", "between"})  # "met with X", "talks between A and B"
# A meeting noun in these phrases was attended by the clause's subject: "X flew in for talks with
# Y", "Following talks with Y, X said", "X said during talks with Y" (not "X called for talks").
ATTENDED_PREPS = Words("lower", {"for", "after", "following", "during", "in", "at"})
# Nouns that measure out a run of meetings, whose phrase then stands where the meeting noun would:
# "X flew home following two days of meetings with Y", "after a round of talks with Y".
SPAN_NOUNS = Words("lemma", {"day", "hour", "week", "round", "series", "morning", "afternoon", "evening"})
# A meeting told in these phrases under a verb of the future is not on its day ("will leave later
# today, following two days of meetings").
SEQUENCE_PREPS = Words("lower", {"following", "after", "before", "since"})
DISCUSS_VERBS = Words("lemma", {"discuss", "talk", "confer", "consult"})  # "discussed with X"
TOGETHER_DISCUSS_VERBS = Words("lemma", {"discuss", "negotiate", "confer", "review"})  # "A and B discussed"
# Speaking with someone is a meeting only where the text puts the two together (most "spoke
# with X" is a call): an occasion they were both at, or "in person", "face to face".
SPEAK_VERBS = Words("lemma", {"speak", "chat", "converse"})
IN_PERSON_OCCASIONS = Words("lemma", OCCASION_NOUNS - {"time", "round", "framework", "course", "part", "week"}
                            | {"person"})
VIEW_NOUNS = Words("lemma", {"view", "opinion", "idea", "thought"})  # "A and B exchanged views"
# "The meeting was/took place/was held with X": verbs a meeting noun names its partner after.
VENUE_COPULAS = Words("lemma", {"be", "take", "occur", "follow", "hold"})
HELD_VERBS = Words("lemma", {"hold", "conduct", "have"})  # "the discussion held with X"
TIME_UNITS = Words("lemma", {"hour", "minute", "day", "time", "evening", "morning", "afternoon", "night"})
# "A and B held separate meetings with C and D": each met each; "... with C and D respectively": in turn.
EACH_WORDS = Words("lower", {"separate", "separately", "individual", "individually"})
RESPECTIVE_WORDS = Words("lower", {"respective", "respectively"})
SEPARATE_WORDS = Words("lower", EACH_WORDS | RESPECTIVE_WORDS | {"bilateral"})
TOGETHER_WORDS = Words("lower", {"together", "jointly", "joint", "trilateral", "trilaterally", "three-way",
                                 "multilateral", "tripartite", "quadrilateral", "all"})
# Words that keep a meeting from being one that happened.
CONDITION_MARKS = Words("lower", {"if", "unless", "whether"})
NEGATION_ADVERBS = Words("lower", {"never", "not"})
ACHIEVED_VERBS = Words("lemma", {"manage", "get", "go"})  # "managed to meet": it happened
LIFE_EVENT_VERBS = Words("lemma", {"bear", "die", "grow", "study"})  # "was born in X" puts nobody at a meeting
# "X was present", "X participated", right after a meeting "X was also there" (never the "there" of "there were")
PRESENCE_WORDS = Words("lemma", {"present", "participate", "there"})
DEFINITE_DETS = Words("lower", {"the", "their", "that"})  # "the meeting": one already told of

LEAD_VERBS = Words("lemma", {"lead", "head", "chair"})  # "Dar led the Pakistani delegation"
DELEGATION_NOUNS = Words("lemma", {"delegation", "side", "team", "mission"})

# ---- places --------------------------------------------------------------------------
PLACE_PREPS = Words("lower", {"in", "at", "to", "inside", "near", "on", "during"})
TRIP_NOUNS = Words("lemma", {"visit", "trip", "tour", "stop"})

# ---- names ---------------------------------------------------------------------------
# "High Commissioner for Refugees", "Prime Minister of Laos": what completes a title before a name
TITLE_COMPLEMENT_PREPS = Words("lower", {"of", "for", "to"})
SUFFIXES = Words("lower", {"jr", "sr", "ii", "iii", "iv"})
PARTICLES = Words("lower", {"al", "el", "ul", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "van", "von",
                            "der", "le", "la"})
PERSON_PRONOUNS = Words("lower", {"he", "she", "his", "her", "him"})
FEMININE_PRONOUNS = Words("lower", {"she", "her"})
# Title words that tell a person's gender, so that "she" never means a "Mr." nor "he" a "first lady".
FEMININE_TITLES = Words("lower", {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess",
                                  "empress", "chairwoman", "spokeswoman", "congresswoman", "businesswoman"})
MASCULINE_TITLES = Words("lower", {"mr", "mr.", "sir", "lord", "king", "prince", "emperor", "chairman",
                                   "spokesman", "congressman", "businessman"})
PLURAL_PRONOUNS = Words("lower", {"they", "we"})

# ---- positions -----------------------------------------------------------------------
NEGATIONS = Words("lower", {"not", "n't", "no", "never", "nothing", "neither", "nor"})
COURTESY = Words("lemma", {"thank", "welcome", "congratulate", "morning", "afternoon", "evening", "pleasure",
                           "honor", "honour"})
JOINT_NOUNS = Words("lemma", {"leader", "side", "president", "minister", "party", "delegation", "head", "official"})
JOINT_VERBS = Words("lemma", {"commit", "agree", "review", "reaffirm", "discuss", "recognize", "recognise",
                              "deplore", "support", "intend", "stress", "underscore", "emphasize", "emphasise",
                              "welcome", "condemn", "express"})
# "despite/with/without NP, V-ing": the participle's subject is NP (an absolute construction).
ABSOLUTE_PREPS = Words("lower", {"despite", "with", "without"})
SAID_VERBS = Words("lemma", {"say", "tell", "state", "add", "according"})  # plain report: no verb quoted with it
# What a meeting was about: "discussed X", "focused on X", "talks on X".
SUBJECT_MATTER_VERBS = Words("lemma", {"discuss", "review", "address", "exchange"})
FOCUS_VERBS = Words("lemma", {"focus", "center", "centre", "concentrate"})
TOPIC_PREPS = Words("lower", {"on", "about", "over"})

# Pairs of lists that must never share a word: a word in both would mean one thing and its opposite.
CONTRADICTIONS = [
    ("SEPARATE_WORDS", "TOGETHER_WORDS"),
    ("PLACE_PREPS", "SKIP_PREPS"),
    ("PARTICLES", "NOT_NAME_WORDS"),
    ("MODAL_AUX", "NEGATIONS"),
    ("PHONE_WORDS", "MEETING_NOUNS"),
    ("COURTESY", "STANCE_VERBS"),
    ("ACHIEVED_VERBS", "MODAL_HEADS"),
    ("FEMININE_TITLES", "MASCULINE_TITLES"),
]
# Lists that must lie inside another: a one-name monarch's title is a title.
SUBSETS = [("INVERTING_VERBS", "REPORTING_VERBS"), ("ONE_NAME_TITLES", "TITLE_NOUNS"), ("HOSTING_VERBS", "MEETING_VERBS"), ("TITLE_NOUNS", "TITLE_WORDS")]
