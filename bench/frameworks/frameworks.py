"""The frameworks the harness can measure: one folder per framework under apps/, described by its framework.json.

Adding a framework is a folder (its app and a framework.json) and nothing here. framework.json holds:
  catalog              the catalog entry for the run document, exactly as the shared catalog stores it
  server               "uvicorn" or "gunicorn"
  app                  "module:attribute" of the ASGI or WSGI application
  appDir               the folder the module is imported from, relative to the framework's folder
  distributions        the Python distributions whose versions the run reports
  software             the software text, with {distribution} where each version goes
  sourceVersion        {"distribution", "version"[, "supportEnded": {"major.minor": "when"}]}: older than
                       the source's versions gets a note (see note() for where the versions come from)
  workerClass, databaseConnections, keepAlive   the configuration in words, for the run page
"""
import importlib.metadata
import json
import string
from dataclasses import dataclass
from pathlib import Path

from errors import HarnessError

APPS = Path(__file__).resolve().parent / "apps"
PYTHON = "/usr/bin/python3"
GUNICORN = "/usr/bin/gunicorn"
SERVERS = ("uvicorn", "gunicorn")
# Longer than any pause the harness makes between two uses of one connection (wrk runs back to back), so a
# connection is only ever closed by the client; framework.json's keepAlive text says this figure.
GUNICORN_KEEP_ALIVE_S = 75
FIRST = ("fastapi", "flask", "django", "django-asgi")  # the source's four, in its order; others follow by name
TEXT_FIELDS = ("server", "app", "appDir", "software", "workerClass", "databaseConnections", "keepAlive")
CATALOG_FIELDS = ("slug", "name", "language", "server", "url")


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


def release(text: str) -> tuple[int, ...]:
    """The leading numbers of a version ("3.2.25" -> (3, 2, 25)); enough for the comparisons made here."""
    numbers = []
    for part in text.split("."):
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        numbers.append(int(digits))
    return tuple(numbers)


@dataclass(frozen=True)
class Framework:
    slug: str
    folder: Path
    server: str
    app: str
    app_dir: Path
    distributions: tuple[str, ...]
    software: str
    source_version: dict
    worker_class: str
    database_connections: str
    keep_alive: str
    catalog: dict

    def argv(self, port: int, workers: int) -> list[str]:
        """The server's command line: it binds 127.0.0.1:port and runs `workers` worker processes."""
        if self.server == "uvicorn":
            return [PYTHON, "-m", "uvicorn", self.app, "--app-dir", str(self.app_dir), "--host", "127.0.0.1",
                    "--port", str(port), "--workers", str(workers), "--loop", "uvloop", "--http", "httptools",
                    "--no-access-log", "--log-level", "warning"]
        # gthread with one thread: one request at a time per worker, as with the sync worker, but the connection
        # stays open between requests; Gunicorn's sync worker closes it after every response, so the load
        # generator would reconnect for every request to Flask and Django and for none to the Uvicorn apps.
        return [GUNICORN, "--chdir", str(self.app_dir), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                "--worker-class", "gthread", "--threads", "1", "--keep-alive", str(GUNICORN_KEEP_ALIVE_S),
                "--log-level", "warning", self.app]

    def server_text(self) -> str:
        if self.server == "uvicorn":
            return (f"Uvicorn {version('uvicorn')} (uvloop {version('uvloop')}, httptools "
                    f"{version('httptools')})")
        return f"Gunicorn {version('gunicorn')}"

    def note(self) -> str | None:
        # The source (migrations/seed/bytepulse-2026-03.json) says only "latest stable version of each framework
        # as of March 2026", without numbers. sourceVersion is the oldest line that could be called that then:
        # Django 5.2 (the LTS of April 2025), Flask 3.1 (November 2024), FastAPI 0.115 (September 2024). Below
        # it, the version is certainly older than the source's, and the page says so.
        distribution, wanted = self.source_version["distribution"], self.source_version["version"]
        installed = version(distribution)
        if release(installed) >= release(wanted):
            return None
        note = "Older than the source's \"latest stable as of March 2026\""
        ended = self.source_version.get("supportEnded", {}).get(".".join(map(str, release(installed)[:2])))
        if ended:
            note += f"; upstream support for {distribution} {'.'.join(map(str, release(installed)[:2]))} " \
                    f"ended in {ended}"
        return note + "."

    def setup(self, workers: int) -> dict:
        """The run document's run.setup entry for this framework (the contract's fields)."""
        entry = {
            "framework": self.slug,
            "software": self.software.format_map({name: version(name) for name in self.distributions}),
            "server": self.server_text(),
            "workers": workers,
            "workerClass": self.worker_class,
            "databaseConnections": self.database_connections,
            "keepAlive": self.keep_alive,
        }
        if note := self.note():
            entry["note"] = note
        return entry


def load(folder: Path) -> Framework:
    path = folder / "framework.json"

    def bad(message: str) -> HarnessError:
        return HarnessError(f"{path}: {message}")

    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise bad(f"not readable JSON ({error})") from error
    if not isinstance(data, dict):
        raise bad("expected an object")
    for field in TEXT_FIELDS:
        if not isinstance(data.get(field), str) or not data[field]:
            raise bad(f"field {field!r} must be a non-empty string")
    if data["server"] not in SERVERS:
        raise bad(f"field 'server' must be one of {', '.join(SERVERS)}, not {data['server']!r}")
    if ":" not in data["app"]:
        raise bad(f"field 'app' must be module:attribute, not {data['app']!r}")
    catalog = data.get("catalog")
    if not isinstance(catalog, dict) or sorted(catalog) != sorted(CATALOG_FIELDS) or not all(
            isinstance(catalog[field], str) and catalog[field] for field in CATALOG_FIELDS):
        raise bad(f"field 'catalog' must hold exactly {', '.join(CATALOG_FIELDS)}, each a non-empty string")
    if catalog["slug"] != folder.name:
        raise bad(f"catalog slug {catalog['slug']!r} differs from the folder's name {folder.name!r}")
    distributions = data.get("distributions")
    if not isinstance(distributions, list) or not distributions or not all(
            isinstance(name, str) for name in distributions):
        raise bad("field 'distributions' must be a non-empty list of distribution names")
    placeholders = {name for _, name, _, _ in string.Formatter().parse(data["software"]) if name is not None}
    if placeholders != set(distributions):
        raise bad(f"field 'software' must name each of the distributions once as {{name}}: it names "
                  f"{sorted(placeholders)}, the list holds {sorted(distributions)}")
    source_version = data.get("sourceVersion")
    if not isinstance(source_version, dict) or not isinstance(source_version.get("distribution"), str) or \
            not release(str(source_version.get("version", ""))):
        raise bad("field 'sourceVersion' must be {\"distribution\": name, \"version\": \"x.y\"}")
    app_dir = (folder / data["appDir"]).resolve()
    if not app_dir.is_dir():
        raise bad(f"field 'appDir' {data['appDir']!r} is not a folder ({app_dir})")
    return Framework(slug=folder.name, folder=folder, server=data["server"], app=data["app"], app_dir=app_dir,
                     distributions=tuple(distributions), software=data["software"], source_version=source_version,
                     worker_class=data["workerClass"], database_connections=data["databaseConnections"],
                     keep_alive=data["keepAlive"], catalog=dict(catalog))


def discover(apps: Path = APPS) -> dict[str, Framework]:
    found = {folder.name: load(folder) for folder in apps.iterdir() if (folder / "framework.json").is_file()}
    order = [slug for slug in FIRST if slug in found] + sorted(slug for slug in found if slug not in FIRST)
    return {slug: found[slug] for slug in order}


FRAMEWORKS: dict[str, Framework] = discover()
