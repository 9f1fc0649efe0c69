"""`unhunch show ID --svg FILE` and `unhunch figures --out DIR` as a person would run them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from unhunch.cli.main import app
from unhunch.content import load_library

runner = CliRunner()


def test_show_svg_writes_the_picture(tmp_path: Path) -> None:
    out = tmp_path / "tucks.svg"
    result = runner.invoke(app, ["show", "chin_tucks", "--svg", str(out)])
    assert result.exit_code == 0
    assert "Picture written to" in result.output
    assert ET.parse(out).getroot().tag.endswith("svg")


def test_show_svg_with_json_prints_only_json(tmp_path: Path) -> None:
    out = tmp_path / "twist.svg"
    result = runner.invoke(app, ["show", "seated_spinal_twist", "--svg", str(out), "--json"])
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("{")
    assert "<animate" not in out.read_text()
    result = runner.invoke(app, ["show", "seated_spinal_twist", "--svg", str(out), "--animated"])
    assert "<animate" in out.read_text()


def test_show_svg_to_a_missing_folder_exits_2_naming_the_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "chin_tucks", "--svg", str(tmp_path / "no" / "x.svg")])
    assert result.exit_code == 2
    assert "--svg" in result.output


def test_figures_writes_every_picture_and_a_contact_sheet(tmp_path: Path) -> None:
    result = runner.invoke(app, ["figures", "--out", str(tmp_path)])
    assert result.exit_code == 0
    library = load_library().all()
    sheet = (tmp_path / "index.html").read_text()
    for e in library:
        assert (tmp_path / f"{e.id}.svg").exists()
        assert (tmp_path / f"{e.id}-animated.svg").exists()
        assert (tmp_path / f"{e.id}-right.svg").exists() == e.bilateral
        assert f'src="{e.id}.svg"' in sheet
