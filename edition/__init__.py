"""The edition toolkit: TEI texts in, a static parallel-reading site out.

    from pathlib import Path
    from edition import Project, check, build

    project = Project(Path("."))
    problems = check(project)          # [] when every TEI file is valid
    build(project, Path("build"))      # validates first; writes the site whole or not at all

The command line does the same: `edition validate`, `edition build`, `edition serve`.
"""
from .build import build, check, render_site
from .problems import EditionError, Problem
from .sources import Project

__all__ = ["Project", "Problem", "EditionError", "build", "check", "render_site"]
__version__ = "0.1.0"
