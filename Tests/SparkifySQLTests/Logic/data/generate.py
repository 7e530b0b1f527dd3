#!/usr/bin/env python3
"""Regenerates the JSON fixtures of the SQL logic tests, byte for byte.

Run from anywhere: `python3 generate.py` writes events/, songs/ and misc/ beside this script.
No randomness: every value below is spelled out or derived by arithmetic, so the files (and the
answers recorded from Spark on them) never change unless this script does.

Formats copy the raw Sparkify datasets:
- events/YYYY-MM-DD-events.json: JSON Lines, 18 fields in alphabetical order, compact separators,
  `/` written as `\\/`, non-ASCII written raw (UTF-8), `registration` as a float (`1540919166796.0`),
  logged-out events with userId "" and NULL user fields. A user agent that contains a comma is
  wrapped in literal double quotes (`"\\"Mozilla\\/5.0 ... \\""`), as in the real logs.
- songs/A/B/C/TRABC....json: one object per file, `", "`/`": "` separators, non-ASCII as \\u escapes.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# Songs: (folder letters, track id, song id, artist id, artist name, location, lat, long, title, duration, year)
SONGS = [
    ("AAA", "TRAAAAW128F429D538", "SOMZWCG12A8C13C480", "ARD7TVE1187B99BFB1", "Casual", "California - LA", None, None, "I Didn't Mean To", 218.93179, 0),
    ("AAA", "TRAAABD128F429CF47", "SOCIWDW12A8C13D406", "ARMJAGH1187FB546F3", "The Box Tops", "Memphis, TN", 35.14968, -90.04892, "Soul Deep", 148.03546, 1969),
    ("AAB", "TRAABJL12903CDCF1A", "SOUPIRU12A6D4FA1E1", "ARMAC4T1187FB3FA4C", "Elena", "Dubai UAE", None, None, "Setanta matins", 269.58322, 0),
    ("ABC", "TRABCEI128F424C983", "SOXVLOJ12AB0189215", "AR5KOSW1187FB35FF4", "Harmonia", "Forst, Germany", 49.80388, 15.47491, "Sehr kosmisch", 655.77751, 1974),
    ("ABC", "TRABCKL128F423A778", "SOHKNRJ12A6701D1F8", "AR3JMC51187B9AE49D", "The Black Keys", "Akron, OH", 41.08449, -81.51404, "Howlin' For You", 191.84281, 2010),
    ("ABD", "TRABDCN128F9304CD9", "SOBONKR12A58A7A7E0", "ARHUC691187B9AD27F", "Beyonc\u00e9", "Houston, TX", 29.76045, -95.36978, "Halo", 261.14567, 2008),
    ("BAC", "TRBACYT128F42B7A80", "SOXQYSC12A6310E908", "AR0IAWL1187B9A96D0", "Muse", "Teignmouth, Devon, England", 50.54606, -3.49548, "Supermassive Black Hole (Album Version)", 209.34485, 2006),
    ("BAC", "TRBACZD128F92D5C36", "SOTTDKS12AB018D69B", "AR0IAWL1187B9A96D0", "Muse", "Teignmouth, Devon, England", 50.54606, -3.49548, "Starlight", 240.29995, 2006),
    ("BBA", "TRBBAFG128F427E7EB", "SONWXQJ12A8C134D94", "ARNF6401187FB57032", "Florence + The Machine", "London, England", 51.50632, -0.12714, "Dog Days Are Over (Radio Edit)", 219.66322, 2008),
    ("BBA", "TRBBAKO128F92EEFC7", "SOFSOCN12A8C143F5D", "ARKFYS91187B98E58F", "Kings Of Leon", "Nashville, TN", 36.16778, -86.77836, "Use Somebody", 230.47791, 2008),
    ("CAB", "TRCABLN128F428D80E", "SOBLFFE12AF72AA5BA", "ARJNIUY12298900C91", "Coldplay", "London, England", 51.50632, -0.12714, "Yellow", 269.63546, 2000),
    ("CAB", "TRCABMA128F9307A02", "SOYMRWW12A6D4FAB14", "ARKRRTF1187B9984DA", "Emerald Hill", "", None, None, "Yellow", 180.0, 0),
    ("CCC", "TRCCCYE12903CFF0E9", "SONHOTT12A8C13493C", "AR7G5I41187FB4CE6C", "Dwight Yoakam", "Pikeville, KY", None, None, "You're The One", 239.3073, 1990),
    ("CCC", "TRCCCVR128F92FB6F8", "SOGDBUF12A8C140FAA", "AR558FS1187FB45658", "40 Grit", "", None, None, "Intro", 75.67628, 2003),
]

# Tracks played that are not (exactly) in the songs data: (artist, song, length).
OTHER_TRACKS = {
    "somebody_near": ("Kings Of Leon", "Use Somebody", 230.4779),  # title/artist match, duration does not
    "clocks": ("Coldplay", "Clocks", 307.51302),
    "without_me": ("Eminem", "Without Me", 290.48118),
    "harder": ("Daft Punk", "Harder Better Faster Stronger", 223.73832),
    "creep": ("Radiohead", "Creep (Explicit)", 236.17261),
    "joga": ("Bj\u00f6rk", "J\u00f3ga", 305.52771),
}

SONG_KEYS = {
    "didnt": 0, "soul": 1, "setanta": 2, "kosmisch": 3, "howlin": 4, "halo": 5, "supermassive": 6,
    "starlight": 7, "dogdays": 8, "somebody": 9, "yellow": 10, "yellow_eh": 11, "yourethe": 12,
}

AGENTS = {
    "win_chrome": "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/35.0.1916.153 Safari/537.36",
    "mac_safari": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.77.4 (KHTML, like Gecko) Version/7.0.5 Safari/537.77.4",
    "linux_chromium": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36",
    "mac_firefox": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
    "win_firefox": "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
    "win_ie": "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
    "mac_chrome": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36",
    "iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53",
}

# Users: id -> (first, last, gender, location, registration ms, agent key)
USERS = {
    "8": ("Kaylee", "Summers", "F", "Phoenix-Mesa-Scottsdale, AZ", 1540344794796, "win_chrome"),
    "9": ("Wyatt", "Scott", "M", "Eureka-Arcata-Fortuna, CA", 1540872073796, "iphone"),
    "10": ("Sylvie", "Cruz", "F", "Washington-Arlington-Alexandria, DC-VA-MD-WV", 1540266185796, "mac_safari"),
    "15": ("Lily", "Koch", "F", "Chicago-Naperville-Elgin, IL-IN-WI", 1541048010796, "linux_chromium"),
    "26": ("Ryan", "Smith", "M", "San Jose-Sunnyvale-Santa Clara, CA", 1541016707796, "linux_chromium"),
    "29": ("Jacqueline", "Lynch", "F", "Atlanta-Sandy Springs-Roswell, GA", 1540223723796, "mac_firefox"),
    "44": ("Aleena", "Kirby", "F", "Waterloo-Cedar Falls, IA", 1541022995796, "mac_firefox"),
    "49": ("Chloe", "Cuevas", "F", "San Francisco-Oakland-Hayward, CA", 1541059521796, "win_firefox"),
    "80": ("Tegan", "Levine", "F", "Portland-South Portland, ME", 1540794356796, "mac_safari"),
    "88": ("Mohammad", "Rodriguez", "M", "Sacramento--Roseville--Arden-Arcade, CA", 1540663201796, "mac_chrome"),
    "101": ("Jayden", "Fox", "M", "New Orleans-Metairie, LA", 1541033612796, "win_ie"),
}

# page -> (method, status)
PAGES = {
    "NextSong": ("PUT", 200), "Home": ("GET", 200), "Login": ("PUT", 307), "Logout": ("PUT", 307),
    "Settings": ("GET", 200), "Save Settings": ("PUT", 307), "About": ("GET", 200), "Help": ("GET", 200),
    "Upgrade": ("GET", 200), "Submit Upgrade": ("PUT", 307), "Downgrade": ("GET", 200),
    "Submit Downgrade": ("PUT", 307), "Add to Playlist": ("PUT", 200), "Thumbs Up": ("PUT", 307),
    "Thumbs Down": ("PUT", 307), "Error": ("GET", 404),
}

# Days: file date -> sessions (user id or "" for logged out, session id, start "HH:MM:SS", level, steps).
# A step is a song key, an OTHER_TRACKS key, or a page name. After "Submit Upgrade" the level becomes
# paid, after "Submit Downgrade" free; a "Login" step by a logged-out visitor hands over to `then`.
DAYS = {
    "2018-11-01": [
        ("", 100, "09:05:12", "free", ["Home", "Login"]),
        ("8", 100, "09:06:40", "free", ["supermassive", "clocks", "Thumbs Up", "yellow", "Logout"]),
        ("26", 101, "10:30:00", "free", ["kosmisch", "somebody_near", "Home", "harder"]),
        ("15", 102, "14:10:05", "paid", ["halo", "soul", "starlight", "Add to Playlist", "without_me"]),
        ("29", 103, "20:55:31", "free", ["dogdays", "Upgrade", "Submit Upgrade", "yellow_eh", "creep"]),
        ("101", 104, "23:40:07", "free", ["yourethe", "Error", "Help", "joga"]),
    ],
    "2018-11-02": [
        ("10", 200, "00:15:44", "free", ["Home", "halo", "clocks", "Settings", "Save Settings"]),
        ("44", 201, "07:45:09", "paid", ["kosmisch", "somebody_near", "didnt", "Thumbs Down", "supermassive"]),
        ("", 202, "11:58:02", "paid", ["Home", "About", "Login"]),
        ("49", 202, "12:00:00", "paid", ["creep", "Downgrade", "Submit Downgrade", "yellow", "Logout"]),
        ("29", 203, "18:20:33", "paid", ["setanta", "starlight", "harder"]),
        ("88", 204, "21:05:58", "free", ["dogdays", "joga", "Upgrade", "Submit Upgrade", "without_me"]),
    ],
    "2018-11-15": [
        ("80", 300, "03:30:21", "paid", ["yourethe", "halo", "soul"]),
        ("9", 301, "08:00:00", "free", ["kosmisch", "Home", "supermassive", "clocks"]),
        ("8", 302, "13:13:13", "free", ["somebody", "yellow", "Logout"]),
        ("", 302, "13:25:50", "free", ["Home"]),
        ("88", 303, "16:45:27", "paid", ["dogdays", "creep", "Add to Playlist"]),
        ("26", 304, "22:10:48", "free", ["starlight", "halo", "Thumbs Up"]),
        ("15", 305, "23:59:30", "paid", ["harder"]),
    ],
}


def day_start_ms(day):
    """Milliseconds since the epoch of midnight UTC of a YYYY-MM-DD date."""
    y, m, d = (int(p) for p in day.split("-"))
    # Days from civil (Howard Hinnant's algorithm).
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return (era * 146097 + doe - 719468) * 86_400_000


def agent_text(key):
    agent = AGENTS[key]
    return '"' + agent + '"' if "," in agent else agent


def track(step):
    if step in SONG_KEYS:
        s = SONGS[SONG_KEYS[step]]
        return s[4], s[8], s[9]
    return OTHER_TRACKS.get(step)


def events_for(day):
    rows = []
    for user, session, start, level, steps in DAYS[day]:
        h, mi, se = (int(p) for p in start.split(":"))
        # Milliseconds vary by session so that timestamps carry fractions of all lengths.
        ts = day_start_ms(day) + ((h * 60 + mi) * 60 + se) * 1000 + (session * 37) % 1000
        prior = sum(len(s[4]) for s in DAYS[day] if s[1] == session and s[2] < start)
        for offset, step in enumerate(steps):
            t = track(step)
            page = "NextSong" if t else step
            method, status = PAGES[page]
            info = USERS.get(user)
            row = {
                "artist": t[0] if t else None,
                "auth": "Logged In" if user else "Logged Out",
                "firstName": info[0] if info else None,
                "gender": info[2] if info else None,
                "itemInSession": prior + offset,
                "lastName": info[1] if info else None,
                "length": t[2] if t else None,
                "level": level,
                "location": info[3] if info else None,
                "method": method,
                "page": page,
                "registration": float(info[4]) if info else None,
                "sessionId": session,
                "song": t[1] if t else None,
                "status": status,
                "ts": ts,
                "userAgent": agent_text(info[5]) if info else None,
                "userId": user,
            }
            rows.append(row)
            ts += int(t[2] * 1000) if t else 30_000 + offset * 1_111
            if page == "Submit Upgrade":
                level = "paid"
            elif page == "Submit Downgrade":
                level = "free"
    return rows


def write_events():
    folder = os.path.join(HERE, "events")
    os.makedirs(folder, exist_ok=True)
    for day in DAYS:
        lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/") for r in events_for(day)]
        with open(os.path.join(folder, f"{day}-events.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")


def write_songs():
    for letters, track_id, song_id, artist_id, name, loc, lat, lon, title, duration, year in SONGS:
        folder = os.path.join(HERE, "songs", *letters)
        os.makedirs(folder, exist_ok=True)
        obj = {
            "num_songs": 1, "artist_id": artist_id, "artist_latitude": lat, "artist_longitude": lon,
            "artist_location": loc, "artist_name": name, "song_id": song_id, "title": title,
            "duration": duration, "year": year,
        }
        with open(os.path.join(folder, track_id + ".json"), "w", encoding="ascii", newline="\n") as f:
            f.write(json.dumps(obj))


def write_misc():
    """Small files for the reader options: a pretty-printed array, a malformed line, an empty file."""
    folder = os.path.join(HERE, "misc")
    os.makedirs(folder, exist_ok=True)
    pretty = [{"id": 1, "name": "one", "tags": ["a", "b"]}, {"id": 2, "name": None, "tags": []}]
    with open(os.path.join(folder, "pretty.json"), "w", newline="\n") as f:
        f.write(json.dumps(pretty, indent=2) + "\n")
    with open(os.path.join(folder, "bad.json"), "w", newline="\n") as f:
        f.write('{"id":1,"name":"ok"}\n{"id":2,"name":\n{"id":3,"name":"fine"}\n')
    with open(os.path.join(folder, "empty.json"), "w", newline="\n") as f:
        f.write("")


def main():
    for sub in ("events", "songs", "misc"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    write_events()
    write_songs()
    write_misc()


if __name__ == "__main__":
    main()
