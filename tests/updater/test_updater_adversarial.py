"""The updater against a lying repository (after python-tuf's RepositorySimulator tests).

Each attack must be refused with an error naming the check and the file, and
must leave ``versions/`` and ``current`` exactly as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata
from updater_helpers import Publisher, client_for, install_state
from updater_sim import RepositorySimulator, endless, stalled

from updater import errors
from updater.client import UpdateClient
from updater.repository import resign_timestamp, rotate_key
from updater.repository._store import utc_now
from updater.repository.keys import KeyPaths, load_signer

TARGET_V2 = "jiaowu-client-2.0.tar.gz"


@pytest.fixture
def v2(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> Iterator[UpdateClient]:
    """1.0 installed, 2.0 published; the test attacks, then asserts nothing changed."""
    publisher.publish("2.0")
    sim.reload()
    before = install_state(installed_v1.layout.root)
    yield installed_v1
    assert install_state(installed_v1.layout.root) == before
    assert installed_v1.installed() == "1.0"


def _signer(publisher: Publisher, role: str) -> CryptoSigner:
    return load_signer(KeyPaths(publisher.key_dir).role(role))


def _refused(
    client: UpdateClient, error: type[errors.UpdateError], file: str
) -> errors.UpdateError:
    with pytest.raises(error) as info:
        client.apply()
    assert info.value.file == file, info.value
    assert file in str(info.value) and info.value.check in str(info.value)
    return info.value


def test_tampered_file(v2: UpdateClient, sim: RepositorySimulator) -> None:
    path = sim.target_path(TARGET_V2)
    data = bytearray(sim.files[path])
    data[len(data) // 2] ^= 0xFF
    sim.files[path] = bytes(data)
    err = _refused(v2, errors.UpdateHashMismatchError, TARGET_V2)
    assert isinstance(err, errors.UpdateVerificationError)
    text = errors.plain_message(err)
    assert "could not be verified" in text and TARGET_V2 in text


def test_wrong_length_short(v2: UpdateClient, sim: RepositorySimulator) -> None:
    path = sim.target_path(TARGET_V2)
    sim.files[path] = sim.files[path][:-10]
    _refused(v2, errors.UpdateHashMismatchError, TARGET_V2)


def test_wrong_length_long(v2: UpdateClient, sim: RepositorySimulator) -> None:
    path = sim.target_path(TARGET_V2)
    sim.files[path] = sim.files[path] + b"\0" * 10
    _refused(v2, errors.UpdateLengthError, TARGET_V2)


def test_endless_data(v2: UpdateClient, sim: RepositorySimulator) -> None:
    sim.streams[sim.target_path(TARGET_V2)] = endless()
    _refused(v2, errors.UpdateLengthError, TARGET_V2)


def test_endless_metadata(v2: UpdateClient, sim: RepositorySimulator) -> None:
    sim.streams["metadata/timestamp.json"] = endless()
    err = _refused(v2, errors.UpdateLengthError, "timestamp.json")
    assert isinstance(err, errors.UpdateVerificationError)


def test_stalled_download(v2: UpdateClient, sim: RepositorySimulator) -> None:
    sim.streams[sim.target_path(TARGET_V2)] = stalled()
    err = _refused(v2, errors.UpdateSlowDownloadError, TARGET_V2)
    assert isinstance(err, errors.UpdateDownloadError)
    assert not isinstance(err, errors.UpdateVerificationError)


def test_timestamp_signed_by_wrong_key(v2: UpdateClient, sim: RepositorySimulator) -> None:
    md = sim.metadata("timestamp.json")
    md.signed.version += 1
    md.sign(CryptoSigner.generate_ed25519())
    sim.put_metadata("timestamp.json", md)
    _refused(v2, errors.UpdateSignatureError, "timestamp.json")


def test_targets_signed_by_online_key(
    v2: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    # A server compromise yields the online keys, never the offline targets key.
    name = f"{sim.latest('targets')}.targets.json"
    md = sim.metadata(name)
    md.sign(_signer(publisher, "snapshot"))
    sim.put_metadata(name, md)
    err = _refused(v2, errors.UpdateVerificationError, name)
    # snapshot pins the hash of targets, so the swap is caught even before signatures
    assert err.check in {"length and hashes", "signature"}


def test_unsigned_timestamp(v2: UpdateClient, sim: RepositorySimulator) -> None:
    md = sim.metadata("timestamp.json")
    md.signed.version += 1
    md.signatures.clear()
    sim.put_metadata("timestamp.json", md)
    _refused(v2, errors.UpdateSignatureError, "timestamp.json")


def test_expired_timestamp_freeze(
    v2: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    # A frozen mirror keeps serving a validly signed timestamp that has run out.
    resign_timestamp(
        publisher.repo_dir,
        KeyPaths(publisher.key_dir).role("timestamp"),
        now=utc_now() - timedelta(days=3),
    )
    sim.reload()
    _refused(v2, errors.UpdateExpiredError, "timestamp.json")


def test_rollback_of_timestamp(
    installed_v1: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    old_timestamp = sim.files["metadata/timestamp.json"]
    publisher.publish("2.0")
    sim.reload()
    assert installed_v1.check().offered is not None  # the client has now seen the newer state
    sim.files["metadata/timestamp.json"] = old_timestamp
    before = install_state(installed_v1.layout.root)
    with pytest.raises(errors.UpdateRollbackError) as info:
        installed_v1.apply()
    assert info.value.file == "timestamp.json"
    assert install_state(installed_v1.layout.root) == before


def test_snapshot_mix_and_match(v2: UpdateClient, sim: RepositorySimulator) -> None:
    # Serve the previous (validly signed) targets under the name the snapshot pins.
    latest = sim.latest("targets")
    sim.files[f"metadata/{latest}.targets.json"] = sim.files[f"metadata/{latest - 1}.targets.json"]
    err = _refused(v2, errors.UpdateVerificationError, f"{latest}.targets.json")
    assert err.check in {"length and hashes", "metadata version"}


def test_snapshot_version_mismatch(
    v2: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    # After the client has seen targets vN, a new snapshot (validly signed with the
    # stolen online key) names the older targets vN-1 to hide release 2.0.
    v2.check()
    version = sim.latest("snapshot")
    md = sim.metadata(f"{version}.snapshot.json")
    md.signed.version = version + 1
    md.signed.meta["targets.json"].version -= 1
    md.signed.meta["targets.json"].hashes = None
    md.signed.meta["targets.json"].length = None
    md.sign(_signer(publisher, "snapshot"))
    name = f"{version + 1}.snapshot.json"
    sim.put_metadata(name, md)
    timestamp = sim.metadata("timestamp.json")
    timestamp.signed.version += 1
    timestamp.signed.snapshot_meta.version = version + 1
    timestamp.signed.snapshot_meta.hashes = None
    timestamp.signed.snapshot_meta.length = None
    timestamp.sign(_signer(publisher, "timestamp"))
    sim.put_metadata("timestamp.json", timestamp)
    _refused(v2, errors.UpdateRollbackError, name)


def test_root_rotation_accepted(
    v2: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    rotate_key(publisher.repo_dir, publisher.key_dir, "timestamp")
    rotate_key(publisher.repo_dir, publisher.key_dir, "root", index=1)
    sim.reload()
    check = v2.check()
    assert check.offered is not None and check.offered.version == "2.0"
    assert (v2.layout.tuf_dir / "root_history" / "3.root.json").exists()


def test_root_rotation_without_old_threshold(v2: UpdateClient, sim: RepositorySimulator) -> None:
    # An attacker's root v2 signed only by keys it controls.
    root = Metadata.from_bytes(sim.files["metadata/1.root.json"])
    thief = [CryptoSigner.generate_ed25519() for _ in range(3)]
    for keyid in list(root.signed.roles["root"].keyids):
        root.signed.revoke_key(keyid, "root")
    for signer in thief:
        root.signed.add_key(signer.public_key, "root")
    root.signed.version = 2
    for signer in thief:
        root.sign(signer, append=True)
    sim.put_metadata("2.root.json", root)
    _refused(v2, errors.UpdateSignatureError, "2.root.json")


def test_root_rotation_with_one_old_key_only(
    v2: UpdateClient, sim: RepositorySimulator, publisher: Publisher
) -> None:
    # One stolen root key (threshold 2) is not enough to rotate.
    root = Metadata.from_bytes(sim.files["metadata/1.root.json"])
    root.signed.version = 2
    root.sign(load_signer(KeyPaths(publisher.key_dir).root_key(1)))
    sim.put_metadata("2.root.json", root)
    _refused(v2, errors.UpdateSignatureError, "2.root.json")


def test_skipping_a_required_release(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    publisher.publish("1.5", required=True, notes="migrates the local store")
    publisher.publish("2.0")
    sim.reload()
    before = install_state(installed_v1.layout.root)
    check = installed_v1.check()
    assert check.offered is not None and check.offered.version == "1.5"
    with pytest.raises(errors.UpdateRequiredError) as info:
        installed_v1.apply(version="2.0")
    assert info.value.required_version == "1.5"
    assert info.value.file == "jiaowu-client-1.5.tar.gz"
    assert install_state(installed_v1.layout.root) == before
    assert installed_v1.apply().installed == "1.5"
    assert installed_v1.apply().installed == "2.0"


def test_below_minimum_is_mandatory(
    installed_v1: UpdateClient, publisher: Publisher, sim: RepositorySimulator
) -> None:
    publisher.publish("2.0", minimum_version="2.0")
    sim.reload()
    check = installed_v1.check()
    assert check.mandatory and check.minimum_version == "2.0"
    with pytest.raises(errors.UpdateRequiredError) as info:
        check.defer()
    assert info.value.file == TARGET_V2
    publisher.publish("3.0")  # optional again once at or above the minimum
    sim.reload()
    installed_v1.apply(version="2.0")
    check = installed_v1.check()
    assert not check.mandatory
    check.defer()


def test_cancel_leaves_nothing(v2: UpdateClient) -> None:
    import threading

    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(errors.UpdateCancelledError):
        v2.apply(on_progress=progress, cancel=cancel)


def test_wrong_trust_root_refuses_everything(
    installed_v1: UpdateClient, tmp_path, sim: RepositorySimulator
) -> None:
    other = Publisher(tmp_path / "other").setup()
    client = client_for(installed_v1.layout.root, other, sim)
    with pytest.raises(errors.UpdateVerificationError):
        client.check()
