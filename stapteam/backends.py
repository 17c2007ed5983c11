"""The login backend: allauth's, with the user's role and permissions read in one query.

Django's ModelBackend reads a user's own permissions and her groups' permissions in two
queries, and the role (the group's name, ``User.rol``) took a third. Every page needs all
three, so ``rol_en_rechten_laden`` reads them together once per user object, which lives
for one request; a change of role is seen at the next request.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import CharField, Value

from stapteam.constants import Rol

# What is kept on the user object: ours (``rol_en_rechten_laden``, and the answers of
# ``stapteam.toegang.mag``), and ModelBackend's caches.
CACHES = ("_rol", "_mag", "_perm_cache", "_user_perm_cache", "_group_perm_cache")


def rol_en_rechten_laden(user) -> None:
    """Keep the user's role and permissions on the user object, from one query.

    A superuser's permissions are left to ModelBackend (all of them); she has no role.
    """
    via_groepen = (
        Group.objects.filter(user=user)
        .order_by()
        .values_list("name", "permissions__content_type__app_label", "permissions__codename")
    )
    eigen = (
        Permission.objects.filter(user=user)
        .order_by()
        .values_list(Value(None, output_field=CharField()), "content_type__app_label", "codename")
    )
    groepen, groepsrechten, eigen_rechten = set(), set(), set()
    for groep, app_label, codename in via_groepen.union(eigen, all=True):
        if groep is not None:
            groepen.add(groep)
        if codename is not None:
            (groepsrechten if groep is not None else eigen_rechten).add(f"{app_label}.{codename}")
    user._rol = next((rol.value for rol in Rol if rol.value in groepen), None)
    if not user.is_superuser:
        user._user_perm_cache = eigen_rechten
        user._group_perm_cache = groepsrechten
        user._perm_cache = eigen_rechten | groepsrechten


def rechten_vergeten(user) -> None:
    """After a change of role: the next question reads role and permissions again."""
    for cache in CACHES:
        user.__dict__.pop(cache, None)


class RolBackend(AuthenticationBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if (
            user_obj.is_active
            and not user_obj.is_anonymous
            and not user_obj.is_superuser
            and obj is None
            and not hasattr(user_obj, "_perm_cache")
        ):
            rol_en_rechten_laden(user_obj)
        return super().get_all_permissions(user_obj, obj)
