"""What pressguard.Addon sets, at which priority, as Scrapy's crawler applies it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list

HANDLER = "pressguard.cassettes.handler.CassetteDownloadHandler"


class Plain(Spider):
    name = "plain"


def crawler_settings(project: dict, cmdline: dict | None = None, spider=Plain) -> Settings:
    """The settings a crawler of this project runs with, after the add-ons (Scrapy's own order)."""
    settings = Settings()
    settings.setdict({"ADDONS": {"pressguard.Addon": 100}, **project}, priority="project")
    settings.setdict(cmdline or {}, priority="cmdline")
    crawler = Crawler(spider, settings)  # the spider's update_settings runs here
    crawler.addons.load_settings(crawler.settings)  # then the add-ons, as Crawler._apply_settings does
    return crawler.settings


def test_import_pressguard_does_not_import_scrapy():
    code = "import sys, pressguard; assert 'scrapy' not in sys.modules; print(pressguard.Addon.__module__)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "pressguard.scrapy.addon", run.stderr


def test_the_addon_seals_any_project_in_replay(tmp_path, monkeypatch):
    (tmp_path / "scrapy.cfg").write_text("[settings]\ndefault = x.settings\n")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # cassettes live under the project root, not here
    settings = crawler_settings({"ROBOTSTXT_OBEY": True, "AUTOTHROTTLE_ENABLED": True})
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    assert set(handlers) >= {"http", "https", "file", "data", "s3", "ftp"}
    assert set(handlers.values()) == {HANDLER}
    assert settings["TWISTED_DNS_RESOLVER"] == "pressguard.cassettes.network_block.ModeResolver"
    assert not settings.getbool("TELNETCONSOLE_ENABLED") and not settings.getbool("REMOTE_CONTROL_ENABLED")
    extensions = build_component_list(settings.getwithbase("EXTENSIONS"))
    assert not [e for e in extensions if "telnet" in str(e) or "remote_control" in str(e)], extensions
    assert "pressguard.cassettes.routing.CassetteRoutingMiddleware" in settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert "pressguard.scrapy.page_link.PageLinkMiddleware" in settings.getdict("SPIDER_MIDDLEWARES")
    assert "pressguard.verdict.pipeline.HealthCheckPipeline" in settings.getdict("ITEM_PIPELINES")
    assert settings["PRESSGUARD_MODE"] == "replay"
    assert Path(settings["PRESSGUARD_CASSETTES_DIR"]) == tmp_path / "cassettes"
    # nothing to be polite to in replay, over the project's own True
    assert not settings.getbool("ROBOTSTXT_OBEY") and not settings.getbool("AUTOTHROTTLE_ENABLED")


def test_the_projects_own_settings_and_the_command_line_win(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = {
        "PRESSGUARD_CASSETTES_DIR": "recordings",
        "PRESSGUARD_PAGE_SECONDS": 5,
        "TWISTED_DNS_RESOLVER": "scrapy.resolver.CachingThreadedResolver",
        "DOWNLOAD_HANDLERS": {"s3": None},
        "ITEM_PIPELINES": {"myproject.pipelines.Clean": 300},
    }
    settings = crawler_settings(project, {"PRESSGUARD_MODE": "record", "ROBOTSTXT_OBEY": True})
    assert settings["PRESSGUARD_CASSETTES_DIR"] == "recordings"
    assert settings.getfloat("PRESSGUARD_PAGE_SECONDS") == 5
    assert settings["TWISTED_DNS_RESOLVER"] == "scrapy.resolver.CachingThreadedResolver"
    assert settings.getdict("DOWNLOAD_HANDLERS")["s3"] is None  # the project's entry kept
    assert settings.getdict("DOWNLOAD_HANDLERS")["http"] == HANDLER  # the others added
    assert set(settings.getdict("ITEM_PIPELINES")) == {"myproject.pipelines.Clean",
                                                        "pressguard.verdict.pipeline.HealthCheckPipeline"}
    assert settings.getbool("ROBOTSTXT_OBEY")  # record: polite, as the project asks
    replay = crawler_settings({}, {"ROBOTSTXT_OBEY": True})
    assert replay.getbool("ROBOTSTXT_OBEY")  # -s wins even in replay


def test_a_bad_mode_names_the_setting_and_the_allowed_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Exception, match=r"setting PRESSGUARD_MODE='bogus': use one of replay, record, live"):
        crawler_settings({}, {"PRESSGUARD_MODE": "bogus"})
    project = Path(__file__).parent / "fixtures" / "addon_project"
    run = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news", "-s", "PRESSGUARD_MODE=bogus"],
                         cwd=project, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.stderr.strip().splitlines()[-1] == (
        "scrapy crawl: setting PRESSGUARD_MODE='bogus': use one of replay, record, live")
    assert "Traceback" not in run.stderr


def test_project_settings_reads_the_project_around_the_current_folder(monkeypatch):
    from pressguard.scrapy.runner import project_settings

    monkeypatch.delenv("SCRAPY_SETTINGS_MODULE", raising=False)
    project = Path(__file__).parent / "fixtures" / "addon_project"
    monkeypatch.chdir(project / "newsproj")
    settings = project_settings({"LOG_ENABLED": False})
    assert settings["BOT_NAME"] == "newsproj" and settings.getlist("SPIDER_MODULES") == ["newsproj.spiders"]
    assert Path(settings["PRESSGUARD_CASSETTES_DIR"]) == project / "cassettes"
    assert "pressguard.verdict.pipeline.HealthCheckPipeline" in settings.getdict("ITEM_PIPELINES")
    # a `scrapy` subprocess started later by this process must not inherit the project
    assert "SCRAPY_SETTINGS_MODULE" not in os.environ
