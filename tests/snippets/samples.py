"""Write the sample outputs shown on the Tools pages, by running the real tools.

``python -m tests.snippets.samples`` refreshes ``docs/tools/samples/``. A test runs the same
scenarios and fails when a sample no longer matches what the tools print.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from scripts.common.paths import ROOT

SAMPLES = ROOT / "docs" / "tools" / "samples"
sys.path.insert(0, str(ROOT / "snippets"))

import doctor  # noqa: E402
import idcheck  # noqa: E402

IDCHECK_RUNS = {
    "idcheck-gstin-valid.txt": ["gstin", "27aapfu0939f1zv"],
    "idcheck-gstin-invalid.txt": ["gstin", "22AAAAA0000A1Z5"],
    "idcheck-match.txt": ["match", "AAPFU0939F", "29AAACH7409R1ZX"],
    "idcheck-iec-gstin.txt": ["iec", "27AAPFU0939F1ZV"],
    "idcheck-iec-special.txt": ["iec", "AMDCG0111E"],
}


def capture(main: Callable[[list[str]], int], argv: list[str], prompt: str) -> str:
    """Run a tool's ``main`` and return what a terminal would show, prompt included."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return f"$ {prompt} {' '.join(argv)}\n{out.getvalue()}(exit status {code})\n"


def idcheck_samples() -> dict[str, str]:
    """The ID check samples, by file name."""
    return {
        name: capture(idcheck.main, argv, "python idcheck.py")
        for name, argv in IDCHECK_RUNS.items()
    }


def doctor_sample() -> str:
    """The doctor against a local HTTPS server with a test certificate (all checks pass)."""
    from tests.support.servers import https_server

    with tempfile.TemporaryDirectory() as folder, https_server(Path(folder)) as server:
        argv = ["--host", f"localhost:{server.port}", "--cafile", server.cafile]

        def run(arguments: list[str]) -> int:
            return doctor.main(
                arguments, run=lambda e, t, c: doctor.diagnose(e, t, c, proxies={})
            )

        text = capture(run, argv, "python doctor.py")
    return text.replace(server.cafile, "test-ca.pem")


def doctor_proxy_sample() -> str:
    """The doctor through a local proxy that asks for a sign-in the doctor does not have."""
    from tests.support.servers import connect_proxy, https_server

    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        server = stack.enter_context(https_server(Path(folder)))
        proxy = stack.enter_context(connect_proxy(credentials=("clerk", "secret")))
        argv = ["--host", f"localhost:{server.port}", "--cafile", server.cafile]
        proxies = {"https": proxy.url}

        def run(arguments: list[str]) -> int:
            return doctor.main(
                arguments, run=lambda e, t, c: doctor.diagnose(e, t, c, proxies=proxies)
            )

        text = capture(run, argv, f"HTTPS_PROXY={proxy.url} python doctor.py")
    return text.replace(server.cafile, "test-ca.pem")


def all_samples() -> dict[str, str]:
    """Every sample, by file name."""
    return {
        **idcheck_samples(),
        "doctor-local.txt": doctor_sample(),
        "doctor-proxy-sign-in.txt": doctor_proxy_sample(),
    }


if __name__ == "__main__":
    SAMPLES.mkdir(parents=True, exist_ok=True)
    for name, text in all_samples().items():
        (SAMPLES / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/tools/samples/{name}")
