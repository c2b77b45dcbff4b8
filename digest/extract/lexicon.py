"""Word lists the extraction rules rely on, kept apart from the rules themselves.

These are general English news-writing conventions (how meetings, titles and
speech are expressed), not facts about any particular article.
"""

# Verbs whose subject and object/with-partner met in person.
MEETING_VERBS = {"meet", "host", "receive", "welcome", "hold", "sit", "confer", "visit", "huddle", "greet"}
# Objects that make "hold"/"have"/"conduct" a meeting ("held talks with").
MEETING_NOUNS = {"meeting", "meetings", "talks", "talk", "summit", "discussion", "discussions", "consultations",
                 "negotiations", "audience", "encounter", "engagement", "engagements", "session", "tête-à-tête", "bilateral"}
LIGHT_VERBS = {"hold", "have", "conduct", "attend", "chair", "host", "begin", "start", "open", "wrap", "conclude"}
# Saying something to someone face to face, in a visit's "where he asked X to ...".
ADDRESS_VERBS = {"ask", "tell", "urge", "assure", "brief", "thank", "press", "invite", "congratulate"}
ATTEND_VERBS = {"attend", "join", "accompany"}
TRAVEL_VERBS = {"travel", "arrive", "fly", "go", "visit", "come", "head", "stop", "land", "tour"}
# Heads that keep a meeting from being reported as having happened.
MODAL_HEADS = {"plan", "expect", "hope", "want", "seek", "refuse", "decline", "propose", "agree", "schedule",
               "set", "intend", "aim", "wish", "try", "offer", "invite", "ask", "urge", "call", "prepare",
               "consider", "threaten", "promise", "fail", "need", "send", "dispatch", "likely", "able"}
MODAL_AUX = {"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll", "wo", "ca"}
NOT_MEETING_NOUN_MODS = {"planned", "proposed", "upcoming", "possible", "potential", "future", "next",
                         "scheduled", "expected", "hypothetical", "previous", "earlier", "file", "phone", "telephone", "video", "virtual"}
# Occasions a meeting is held at or on the margins of: a place named under them is the venue
# ("on the sidelines of the General Assembly in New York", "for the first time in Ankara").
OCCASION_NOUNS = {"sideline", "sidelines", "margin", "margins", "summit", "conference", "session", "debate",
                  "assembly", "forum", "time", "visit", "trip", "tour", "ceremony", "gathering", "event",
                  "occasion", "dinner", "lunch", "luncheon", "banquet", "breakfast", "meeting", "meetings",
                  "talks", "round", "framework", "course", "part", "celebration", "festival", "games",
                  "gala", "reception", "week", "congress", "convention", "council", "retreat", "expo"}
# Last words of a building's name: an organisation-tagged "Al Husseiniya Palace" or "Union
# Buildings" after "at" is where a meeting was held.
VENUE_NOUNS = {"palace", "house", "buildings", "building", "hall", "hotel", "residence", "castle", "complex",
               "villa", "mansion", "chancellery", "pavilion", "embassy", "kremlin", "centre", "center"}
PHONE_WORDS = {"phone", "telephone", "call", "called", "video", "videoconference", "virtual", "online"}

REPORTING_VERBS = {"say", "state", "tell", "stress", "emphasize", "emphasise", "highlight", "note", "add",
                   "urge", "call", "warn", "insist", "argue", "claim", "declare", "announce", "praise",
                   "hail", "express", "reiterate", "pledge", "vow", "affirm", "reaffirm", "assert",
                   "point", "underline", "underscore", "describe", "accuse", "condemn", "welcome",
                   "thank", "criticize", "criticise", "demand", "propose", "suggest", "explain", "reply",
                   "respond", "write", "tweet", "report", "acknowledge", "admit", "confirm", "deny",
                   "mention", "remark", "observe", "comment", "voice", "convey", "reaffirm", "stat", "ask",
                   "advocate", "recall", "predict", "concede", "contend", "maintain", "stress", "blast", "slam"}
# A meeting told as the next step of the occasion the article opens with.
SAME_DAY_CUES = ["afterwards", "afterward", "then", "after that", "of the day", "same day", "that day",
                 "subsequently", "later that day", "later in the day", "earlier in the day", "in the day",
                 "hours earlier", "hours later", "that evening", "that morning", "that afternoon"]
SAME_TRIP_CUES = {"also", "another", "further", "next"}
# What a speaker's own sentence takes a stance with (transcripts): "I believe", "we oppose".
STANCE_VERBS = {"believe", "think", "want", "hope", "value", "oppose", "support", "ensure", "urge", "insist",
                "reject", "intend", "commit", "demand", "call", "expect", "remain", "stand"}
REPORTING_NOUNS = {"statement", "comments", "comment", "remarks", "remark", "readout", "release", "words",
                   "view", "views", "position", "stance", "message", "speech", "address", "interview"}

# Head nouns of titles ("Foreign Minister", "Ambassador to Qatar", "special envoy").
TITLE_NOUNS = {
    "minister", "ambassador", "envoy", "president", "vice-president", "premier", "chancellor", "secretary",
    "secretary-general", "director", "director-general", "diplomat", "official", "officials", "leader",
    "chairman", "chairwoman", "chair", "chief", "head", "representative", "spokesman", "spokeswoman",
    "spokesperson", "king", "queen", "prince", "emir", "sheikh", "sultan", "governor", "mayor",
    "senator", "congressman", "congresswoman", "commander", "general", "admiral", "adviser", "advisor",
    "counselor", "counsellor", "consul", "deputy", "undersecretary", "under-secretary", "negotiator",
    "mediator", "delegate", "member", "lawmaker", "politician", "founder", "ceo", "executive",
    "prime", "crown", "pope", "cardinal", "archbishop", "bishop", "justice", "judge", "commissioner", "attaché",
    "coordinator", "officer", "aide", "administrator", "lieutenant", "colonel", "major", "captain",
    "councillor", "councilor", "mp", "legislator", "speaker", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "sir", "lord", "lady",
    # abbreviated titles of US and military usage ("Rep. Gwen Moore (D-Wis.)", "Lt. Gen. Michael Flynn")
    "rep.", "sen.", "gov.", "del.", "lt.", "gen.", "col.", "adm.", "rev.", "sgt.", "amb.", "supt.", "cmdr.",
    "capt.", "maj.", "atty.", "insp.", "pm", "fm", "vp",
}
# Titles of people known by one name: "King Abdullah" is how English names him, so title and
# name together are his full name.
ONE_NAME_TITLES = {"king", "queen", "emir", "amir", "sultan", "pope", "prince", "princess", "emperor", "empress"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "madam"}
# Descriptions that stand for an organisation already named ("the group said").
GROUP_NOUNS = {"group", "movement", "organization", "organisation", "party", "ministry", "government",
               "militia", "faction", "agency", "office", "alliance", "coalition", "bloc", "league"}

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
GROUP_HEADS = {"delegation", "delegations", "official", "officials", "team", "teams", "government", "leader",
               "leaders", "representative", "representatives", "counterpart", "counterparts", "side", "envoy",
               "envoys", "minister", "ministers", "negotiator", "negotiators", "diplomat", "diplomats", "leadership", "mission", "group"}
# Capitalised words that belong to names of places, bodies and events, not people.
NOT_NAME_WORDS = {
    "league", "ministry", "department", "council", "union", "nations", "united", "states", "state", "party",
    "east", "west", "north", "south", "middle", "central", "asia", "africa", "europe", "america", "pacific",
    "gulf", "sea", "strip", "bank", "river", "island", "islands", "republic", "kingdom", "emirates",
    "issue", "trip", "summit", "conference", "forum", "affairs", "foreign", "office", "house", "court",
    "agency", "committee", "commission", "organization", "organisation", "authority", "assembly", "parliament",
    "congress", "senate", "army", "forces", "force", "police", "news", "times", "post", "press", "media",
    "university", "institute", "center", "centre", "bureau", "politburo", "movement", "group", "bank",
    "fund", "investment", "treaty", "accord", "agreement", "war", "crisis", "talks", "meeting", "meets",
    "holds", "bilateral", "ramps", "says", "said", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "global", "international", "national", "world", "arab",
    "islamic", "chinese", "israeli", "palestinian", "russian", "american", "european", "coronation",
    "revolution", "uprising", "protests", "spring", "accords", "initiative", "plan", "doctrine", "games",
    "staff", "embassy", "consulate", "square", "street", "palace", "hall", "airport", "city", "province", "region",
}
# Nouns through which a body speaks ("the ministry said", "a Hamas statement said").
VOICE_NOUNS = {"statement", "readout", "release", "spokesman", "spokeswoman", "spokesperson", "ministry",
               "office", "government", "movement", "delegation", "embassy", "agency", "communique",
               "communiqué", "announcement", "report", "media", "source", "sources", "official", "officials"}
