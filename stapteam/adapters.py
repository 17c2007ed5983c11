"""How allauth behaves here: no public sign-up, and TOTP secrets encrypted at rest."""

import base64
import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Only an administrator makes accounts (ONTWERP §8).
        return False


def _fernet() -> Fernet:
    # A key derived from SECRET_KEY: replacing the secret key means every user sets up
    # the authenticator app again (documented in the README).
    afgeleid = hashlib.sha256(b"stapteam-mfa:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(afgeleid))


class MFAAdapter(DefaultMFAAdapter):
    """allauth stores the TOTP secret and recovery-code seed as given; encrypt them."""

    def encrypt(self, text: str) -> str:
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _fernet().decrypt(encrypted_text.encode()).decode()
