"""``videomv.threads``: passive OpenMP waiting before torch loads, and the thread count."""

import os
import subprocess
import sys

import pytest
import torch

from videomv.threads import configure_threads, default_threads, set_wait_policy


def test_wait_policy_is_set_before_torch_loads_and_never_over_the_users():
    code = (
        "import os, sys; from videomv.threads import set_wait_policy; took = set_wait_policy(); "
        "import torch; print(took, os.environ.get('OMP_WAIT_POLICY'), set_wait_policy())"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.split() == ["True", "PASSIVE", "False"]
    env["OMP_WAIT_POLICY"] = "ACTIVE"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.split() == ["False", "ACTIVE", "False"]


def test_wait_policy_left_alone_once_torch_is_loaded(monkeypatch):
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    assert not set_wait_policy()  # too late to matter: the OpenMP runtime has read it
    assert "OMP_WAIT_POLICY" not in os.environ


@pytest.mark.parametrize(
    ("cpus", "load", "expected"), [(2, 0.0, 2), (2, 3.9, 1), (16, 1.2, 15), (1, 0.0, 1), (4, 2.6, 1)]
)
def test_default_threads_leave_the_busy_cpus_to_others(cpus, load, expected):
    assert default_threads(cpus, load) == expected


def test_configure_threads_follows_the_user(monkeypatch):
    before = torch.get_num_threads()
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "VIDEOMV_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert configure_threads(3) == 3 and torch.get_num_threads() == 3
        monkeypatch.setenv("VIDEOMV_NUM_THREADS", "2")
        assert configure_threads() == 2 and torch.get_num_threads() == 2
        monkeypatch.setenv("VIDEOMV_NUM_THREADS", "two")
        with pytest.raises(ValueError, match="VIDEOMV_NUM_THREADS='two'"):
            configure_threads()
        monkeypatch.delenv("VIDEOMV_NUM_THREADS")
        monkeypatch.setenv("OMP_NUM_THREADS", "5")
        assert configure_threads() == torch.get_num_threads() == 2  # torch's own count is kept
    finally:
        torch.set_num_threads(before)
