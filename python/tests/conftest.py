"""Where the tests find the command line and the corpora (scripts/test.sh sets both
variables; the defaults are the repository's own build)."""

import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _target() -> pathlib.Path:
    return pathlib.Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


@pytest.fixture(scope="session")
def cli() -> str:
    """The `quotelens` binary built with the release-native profile."""
    path = os.environ.get("QUOTELENS_BIN") or str(_target() / "release-native" / "quotelens")
    if not shutil.which(path):
        pytest.skip(f"no quotelens binary at {path} (cargo build --profile release-native)")
    return path


@pytest.fixture(scope="session")
def throughput() -> str:
    """The native engine's throughput example (release-native)."""
    path = os.environ.get("QUOTELENS_THROUGHPUT") or str(
        _target() / "release-native" / "examples" / "throughput"
    )
    if not shutil.which(path):
        pytest.skip(f"no throughput example at {path}")
    return path


@pytest.fixture(scope="session")
def polnear_dev() -> pathlib.Path:
    path = SHARED / "polnear" / "dev"
    if not path.exists():
        pytest.skip("skipping: ../shared/polnear/dev absent")
    return path
