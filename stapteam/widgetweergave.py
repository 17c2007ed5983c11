"""Forms rendered in Python: the HTML of Django's own form templates, written without the
template engine, which took about a third of the time of a page with a form.

``Widgetweergave`` is the project's FORM_RENDERER. For each template it knows (the form
as divs, a field, a label, an error list and the widgets the project uses: inputs of
every type, select, textarea, checkbox, radio buttons and check boxes) a function here
writes exactly what the template writes, escaped as the template escapes it. Any other
template (a custom or admin widget, a formset, ``as_p``) is rendered by Django's template
renderer as before, and so is everything when an app overrides one of these templates.
``tests/stapteam/test_widgetweergave.py`` renders every form of the project both ways.

Each function returns the template's output before the renderer strips it, since a
template that includes another one keeps the included one's final newline.
"""

from collections.abc import Callable
from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime


class Onbekend(Exception):
    """A template this module does not render (e.g. a custom option template)."""


def tekst(waarde) -> str:
    """``{{ waarde }}``: localised and escaped unless already safe, as the engine does."""
    if not isinstance(waarde, str):
        waarde = str(localize(template_localtime(waarde)))
    return conditional_escape(waarde)


def als_tekst(waarde) -> str:
    """``{{ waarde|stringformat:'s' }}``: no localisation; escaped unless already safe."""
    geschreven = str(waarde)
    return geschreven if isinstance(waarde, SafeData) else escape(geschreven)


def attributen(attrs) -> str:
    """``django/forms/widgets/attrs.html`` (and ``django/forms/attrs.html``)."""
    return "".join(
        f" {tekst(naam)}" if waarde is True else f' {tekst(naam)}="{als_tekst(waarde)}"'
        for naam, waarde in (attrs or {}).items()
        if waarde is not False
    )


def invoer(context) -> str:
    widget = context["widget"]
    waarde = widget["value"]
    waarde = "" if waarde is None else f' value="{als_tekst(waarde)}"'
    return (
        f'<input type="{tekst(widget["type"])}" name="{tekst(widget["name"])}"{waarde}'
        f"{attributen(widget['attrs'])}>\n"
    )


def tekstvak(context) -> str:
    widget = context["widget"]
    waarde = widget["value"]
    return (
        f'<textarea name="{tekst(widget["name"])}"{attributen(widget["attrs"])}>\n'
        f"{tekst(waarde) if waarde else ''}</textarea>\n"
    )


def keuze(context) -> str:
    """``select_option.html``."""
    widget = context["widget"]
    return (
        f'<option value="{als_tekst(widget["value"])}"{attributen(widget["attrs"])}>'
        f"{tekst(widget['label'])}</option>\n"
    )


def keuze_met_label(context) -> str:
    """``input_option.html``: a radio button or check box inside its label."""
    widget = context["widget"]
    om = widget.get("wrap_label")
    id_ = widget["attrs"].get("id")
    begin = (f'<label for="{tekst(id_)}">' if id_ else "<label>") if om else ""
    eind = f" {tekst(widget['label'])}</label>" if om else ""
    return f"{begin}{invoer(context)}{eind}\n"


def optie(optie: dict) -> str:
    """``{% include option.template_name with widget=option %}``."""
    weergave = OPTIES.get(optie["template_name"])
    if weergave is None:
        raise Onbekend(optie["template_name"])
    return weergave({"widget": optie})


def keuzelijst(context) -> str:
    """``select.html``."""
    widget = context["widget"]
    delen = [f'<select name="{tekst(widget["name"])}"{attributen(widget["attrs"])}>']
    for groep, opties, _ in widget["optgroups"]:
        if groep:
            delen.append(f'\n  <optgroup label="{tekst(groep)}">')
        delen += [f"\n  {optie(o)}" for o in opties]
        if groep:
            delen.append("\n  </optgroup>")
    delen.append("\n</select>\n")
    return "".join(delen)


def keuzerij(context) -> str:
    """``multiple_input.html`` (radio buttons, check boxes)."""
    widget = context["widget"]
    id_ = widget["attrs"].get("id")
    klasse = widget["attrs"].get("class")
    delen = [
        "<div",
        f' id="{tekst(id_)}"' if id_ else "",
        f' class="{tekst(klasse)}"' if klasse else "",
        ">",
    ]
    for groep, opties, _ in widget["optgroups"]:
        if groep:
            delen.append(f"\n  <div><label>{tekst(groep)}</label>")
        delen += [f"<div>\n    {optie(o)}</div>" for o in opties]
        if groep:
            delen.append("\n  </div>")
    delen.append("\n</div>\n")
    return "".join(delen)


def foutenlijst(context) -> str:
    """``errors/list/ul.html``."""
    fouten = context["errors"]
    if not fouten:
        return ""
    veld_id = getattr(fouten, "field_id", None)
    id_ = f' id="{tekst(veld_id)}_error"' if veld_id else ""
    regels = "".join(f"<li>{tekst(fout)}</li>" for fout in fouten)
    return f'<ul class="{tekst(context["error_class"])}"{id_}>{regels}</ul>'


def label(context) -> str:
    """``label.html``."""
    if not context["use_tag"]:
        return f"{tekst(context['label'])}\n"
    tag = tekst(context["tag"])
    return f"<{tag}{attributen(context['attrs'])}>{tekst(context['label'])}</{tag}>\n"


def veld(context) -> str:
    """``field.html``: label, help text, errors and widget of one field."""
    veld = context["field"]
    if veld.use_fieldset:
        beschreven = veld.aria_describedby
        beschreven = f' aria-describedby="{tekst(beschreven)}"' if beschreven else ""
        kop = f"\n  <fieldset{beschreven}>\n  {tekst(veld.legend_tag()) if veld.label else ''}\n"
    else:
        kop = f"\n  {tekst(veld.label_tag()) if veld.label else ''}\n"
    hulp = ""
    if veld.help_text:
        id_ = f' id="{tekst(veld.auto_id)}_helptext"' if veld.auto_id else ""
        hulp = f'<div class="helptext"{id_}>{veld.help_text}</div>'
    slot = "</fieldset>" if veld.use_fieldset else ""
    return f"{kop}\n{hulp}\n{tekst(veld.errors)}\n{tekst(veld)}{slot}\n"


def formulier(context) -> str:
    """``div.html``: the form's errors, each visible field in a div, the hidden fields."""
    fouten, velden, verborgen = context["errors"], context["fields"], context["hidden_fields"]

    def verborgen_velden() -> str:
        return "".join(tekst(v) for v in verborgen)

    delen = [f"{tekst(fouten)}\n"]
    if fouten and not velden:
        delen.append(f"\n  <div>{verborgen_velden()}</div>\n")
    delen.append("\n")
    for nummer, (veld, _) in enumerate(velden, start=1):
        klassen = veld.css_classes()
        klassen = f' class="{tekst(klassen)}"' if klassen else ""
        delen.append(f"\n  <div{klassen}>\n    {tekst(veld.as_field_group())}\n    ")
        if nummer == len(velden):
            delen.append(f"\n      {verborgen_velden()}\n    ")
        delen.append("\n</div>\n")
    delen.append("\n")
    if not velden and not fouten:
        delen.append(f"\n  {verborgen_velden()}\n")
    delen.append("\n")
    return "".join(delen)


def met_regel(weergave: Callable[[dict], str]) -> Callable[[dict], str]:
    """A template that only includes another one, and ends in a newline of its own."""
    return lambda context: weergave(context) + "\n"


WIDGETS = "django/forms/widgets/"
OPTIES: dict[str, Callable[[dict], str]] = {
    WIDGETS + "select_option.html": keuze,
    WIDGETS + "input_option.html": keuze_met_label,
    WIDGETS + "radio_option.html": met_regel(keuze_met_label),
    WIDGETS + "checkbox_option.html": met_regel(keuze_met_label),
}
WEERGAVEN: dict[str, Callable[[dict], str]] = {
    "django/forms/div.html": formulier,
    "django/forms/field.html": veld,
    "django/forms/label.html": label,
    "django/forms/attrs.html": lambda context: attributen(context["attrs"]),
    "django/forms/errors/list/default.html": foutenlijst,
    "django/forms/errors/list/ul.html": foutenlijst,
    WIDGETS + "attrs.html": lambda context: attributen(context["widget"]["attrs"]),
    WIDGETS + "input.html": invoer,
    **{
        f"{WIDGETS}{soort}.html": met_regel(invoer)
        for soort in [
            "text",
            "checkbox",
            "color",
            "date",
            "datetime",
            "email",
            "file",
            "hidden",
            "number",
            "password",
            "search",
            "tel",
            "time",
            "url",
        ]
    },
    WIDGETS + "textarea.html": tekstvak,
    WIDGETS + "select.html": keuzelijst,
    WIDGETS + "multiple_input.html": keuzerij,
    WIDGETS + "radio.html": met_regel(keuzerij),
    WIDGETS + "checkbox_select.html": met_regel(keuzerij),
    **OPTIES,
}


class Widgetweergave(DjangoTemplates):
    """Django's template renderer, with the templates of ``WEERGAVEN`` written in Python."""

    @cached_property
    def weergaven(self) -> dict[str, Callable[[dict], str]]:
        """``WEERGAVEN``, unless an app overrides one of those templates with its own."""
        django_map = Path(django.forms.__file__).parent / "templates"
        for naam in WEERGAVEN:
            if not Path(self.get_template(naam).origin.name).is_relative_to(django_map):
                return {}
        return WEERGAVEN

    def render(self, template_name, context, request=None):
        weergave = self.weergaven.get(template_name)
        if weergave is not None:
            try:
                return weergave(context).strip()
            except Onbekend:
                pass
        return super().render(template_name, context, request=request)
