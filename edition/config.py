"""The edition's configuration (edition.toml): title, version, canonical base URL."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass

from .problems import ERROR, EditionError, Problem
from .sources import Project

_REQUIRED = ("title", "subtitle", "version", "editors", "base_url", "licence", "licence_url")


@dataclass(frozen=True)
class Config:
    title: str
    subtitle: str
    version: str
    editors: str
    base_url: str
    licence: str
    licence_url: str


def load_config(project: Project) -> Config:
    shown = project.show(project.config_file)
    try:
        with project.config_file.open("rb") as handle:
            data = tomllib.load(handle).get("edition", {})
    except OSError as err:
        raise EditionError([Problem(shown, 0, 0, ERROR, "config", f"cannot read the configuration: {err.strerror}",
                                    "create edition.toml with an [edition] table")]) from err
    except tomllib.TOMLDecodeError as err:
        raise EditionError([Problem(shown, 0, 0, ERROR, "config", f"not valid TOML: {err}", "")]) from err
    missing = [key for key in _REQUIRED if not isinstance(data.get(key), str)]
    if missing:
        raise EditionError([Problem(shown, 1, 1, ERROR, "config", f"[edition] lacks {', '.join(missing)}",
                                    "add each key as a string")])
    base_url = data["base_url"] if data["base_url"].endswith("/") else data["base_url"] + "/"
    return Config(**{key: data[key] for key in _REQUIRED if key != "base_url"}, base_url=base_url)
