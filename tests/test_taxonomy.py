"""The taxonomy file: loading, validation, matching (no model)."""

from __future__ import annotations

import pytest

from argmap.errors import TaxonomyError
from argmap.taxonomy import load_taxonomy, taxonomy_from_dict


def test_shipped_taxonomy_has_the_named_grounds(taxonomy):
    for theme in ("funding", "evaluation", "chair-independence", "dilution-of-social-work", "multi-agency-capacity"):
        assert theme in taxonomy.themes
    assert taxonomy.general_proposal in taxonomy.proposals
    assert "basw" in taxonomy.actors and taxonomy.digest


def test_the_stability_ground_has_its_singular_and_negative_forms(taxonomy):
    """Theme terms match as written (a singular term also takes its plural, not the other way), so
    the ground lists 'relationship' and 'instability' beside 'relationships' and 'stability'."""
    for text in ("the quality of the relationship", "instability in placements", "able to live in stable homes"):
        assert [m.id for m in taxonomy.find_themes(text)] == ["relationships-and-stability"], text
    assert [m.id for m in taxonomy.find_themes("a stable funding settlement")] == ["funding"]  # not "stable" alone
    for text, theme in (("less qualified staff doing child protection work", "dilution-of-social-work"),
                        ("staffing shortages and burnout", "workforce"), ("paying a dividend", "profit-and-markets"),
                        ("people with lived experience", "care-experienced-voice")):
        assert theme in [m.id for m in taxonomy.find_themes(text)], text


def test_the_governments_response_to_the_review_is_the_strategy(taxonomy):
    """The strategy was the government's response to the review: named so, it is the strategy, not
    the review; another body's response to the review is neither."""
    ids = [m.id for m in taxonomy.find_proposals("We are pleased to see the Government\u2019s response to the Care Review.")]
    assert ids == ["stable-homes-strategy"]
    assert [m.id for m in taxonomy.find_proposals("the charity's response to the Care Review")] == ["independent-review"]


def test_proposal_matching_is_case_and_hyphen_tolerant(taxonomy):
    ids = [m.id for m in taxonomy.find_proposals("The MULTI-AGENCY child protection teams and Family Group Decision Making")]
    assert ids == ["multi-agency-child-protection-teams", "family-group-decision-making"]
    ids = [m.id for m in taxonomy.find_proposals("multiagency child protection teams")]
    assert ids == ["multi-agency-child-protection-teams"]


def test_longest_phrase_wins(taxonomy):
    ids = [m.id for m in taxonomy.find_proposals("plans for family help practices")]
    assert ids == ["family-help-practices"]


def test_actor_matching_is_case_sensitive_for_names(taxonomy):
    found = [m.id for m in taxonomy.find_actors("Young people become carers; Become the charity; BASW and the DfE.")]
    assert found == ["become", "basw", "dfe"]
    assert taxonomy.actor_for_name("the British Association of Social Workers").id == "basw"


def test_a_name_with_small_words_also_matches_in_headline_case(taxonomy):
    """'Action For Children', as a headline or a house style writes it, is Action for Children; the
    name in lower case is still no name."""
    assert [m.id for m in taxonomy.find_actors("Action For Children said no.")] == ["action-for-children"]
    assert [m.id for m in taxonomy.find_actors("Department For Education figures")] == ["dfe"]
    assert taxonomy.find_actors("calls for action for children now") == []


def test_foster_care_recruitment_is_the_drive_to_recruit_foster_carers(taxonomy):
    ids = [m.id for m in taxonomy.find_proposals("a significant uptick in foster care recruitment")]
    assert ids == ["foster-carer-recruitment"]
    assert [m.id for m in taxonomy.find_proposals("the foster care they receive")] == []


def test_an_end_to_illegal_homes_is_the_ban_on_unregulated_placements(taxonomy):
    """The ban is named by ending the homes; the homes themselves name no ban."""
    ids = [m.id for m in taxonomy.find_proposals("a campaign calling for an end to illegal homes for children")]
    assert ids == ["unregulated-placements"]
    assert taxonomy.find_proposals("669 children live in illegal homes") == []


def test_offsets_point_into_the_original_text(taxonomy):
    text = "Children\u2019s services said \u201cfamily help\u201d works."
    for m in taxonomy.find_proposals(text):
        assert text[m.start:m.end].lower() == "family help"


FILLERS = frozenset({"more", "new", "thousands of"})


def test_a_name_split_by_filler_words_or_numbers_still_matches():
    """'recruit 10,000 new carers', 'recruitment of thousands of new carers' name 'recruit carers'
    and 'recruitment of carers'; the offsets cover the words as written."""
    t = _tax([{"id": "drive", "label": "carer drive", "aliases": ["recruit carers", "recruitment of carers"]}])
    for text in ("Ministers will recruit 10,000 new carers.", "It funds the recruitment of thousands of new carers."):
        found = t.find_proposals(text, fillers=FILLERS)
        assert [m.id for m in found] == ["drive"]
        assert text[found[0].start:found[0].end] in ("recruit 10,000 new carers", "recruitment of thousands of new carers")
        assert t.find_proposals(text) == []  # without fillers, no match


@pytest.mark.parametrize("text", ["Ministers will recruit many new carers.", "We read the new report."])
def test_near_miss_a_name_split_by_a_content_word_or_a_pointing_phrase(text):
    """'recruit many new carers' ('many' is no filler here) and 'the new report' (a pointing phrase,
    not the name 'the report') match nothing."""
    t = _tax([{"id": "drive", "label": "carer drive", "aliases": ["recruit carers"]},
              {"id": "inquiry", "label": "inquiry", "aliases": ["the report"]}])
    assert t.find_proposals(text, fillers=FILLERS) == []


@pytest.mark.parametrize("data,message", [
    ({"proposal": [{"label": "x"}]}, "has no id"),
    ({"proposal": [{"id": "Bad Id"}]}, "id must be lowercase letters"),
    ({"proposal": [{"id": "a"}, {"id": "a"}]}, "duplicate"),
    ({"proposal": [{"id": "a", "aliases": "not-a-list"}]}, "must be a list"),
    ({"meta": {"general_proposal": "nope"}, "proposal": [{"id": "a"}]}, "not a proposal id"),
])
def test_malformed_taxonomy_is_a_clear_error(data, message):
    with pytest.raises(TaxonomyError, match=message):
        taxonomy_from_dict(data, source="t.toml")


def test_unreadable_or_invalid_files(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read taxonomy"):
        load_taxonomy(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[proposal]\nid=", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid TOML"):
        load_taxonomy(bad)


def test_a_user_taxonomy_replaces_the_shipped_one(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text('[meta]\nname = "housing"\n[[proposal]]\nid = "rent-cap"\nlabel = "Rent cap"\n'
                 'aliases = ["rent controls"]\n[[theme]]\nid = "supply"\nlabel = "Housing supply"\n'
                 'terms = ["new homes"]\n', encoding="utf-8")
    t = load_taxonomy(p)
    assert t.name == "housing" and [m.id for m in t.find_proposals("Rent controls now")] == ["rent-cap"]
    assert [m.id for m in t.find_themes("build new homes")] == ["supply"]


def _tax(proposals):
    return taxonomy_from_dict({"proposal": proposals})


def test_parents_kinds_and_descendants():
    t = _tax([{"id": "reform"}, {"id": "bill", "kind": "document", "parent": "reform"},
              {"id": "clause-a", "kind": "clause", "parent": "bill"}, {"id": "other"}])
    assert t.descendants("reform") == ("bill", "clause-a")
    assert t.descendants("other") == ()
    assert t.ancestors("clause-a") == ("bill", "reform")
    assert t.proposals["bill"].kind == "document" and t.proposals["other"].kind == "policy"


@pytest.mark.parametrize("proposals, message", [
    ([{"id": "a", "parent": "nowhere"}], "parent 'nowhere' is not a proposal id"),
    ([{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}], "cycle"),
    ([{"id": "a", "kind": "chapter"}], "kind must be one of"),
    ([{"id": "a", "parent": 5}], "parent must be a proposal id"),
])
def test_bad_parents_and_kinds_are_refused(proposals, message):
    with pytest.raises(TaxonomyError, match=message):
        _tax(proposals)


def test_absorbed_words_on_themes():
    """A theme may absorb another theme's terms; a word no other theme has is a one-line error."""
    t = taxonomy_from_dict({"theme": [{"id": "money", "terms": ["financial"]},
                                      {"id": "profit", "terms": ["profit"], "absorbs": ["Financial"]}]})
    assert t.themes["profit"].absorbs == ("financial",) and t.themes["money"].absorbs == ()
    with pytest.raises(TaxonomyError, match="'cash' is no other theme's term"):
        taxonomy_from_dict({"theme": [{"id": "money", "terms": ["financial"]},
                                      {"id": "profit", "terms": ["cash"], "absorbs": ["cash"]}]})


def test_condition_flag_on_themes():
    t = taxonomy_from_dict({"theme": [{"id": "money", "terms": ["cash"], "condition": True}, {"id": "other"}]})
    assert t.themes["money"].condition and not t.themes["other"].condition
    with pytest.raises(TaxonomyError, match="condition must be true or false"):
        taxonomy_from_dict({"theme": [{"id": "money", "condition": "yes"}]})


def test_shipped_taxonomies_are_named_with_the_argmap_prefix():
    from argmap.taxonomy import shipped_taxonomies

    assert "argmap:water_industry.toml" in shipped_taxonomies()
    water = load_taxonomy("argmap:water_industry.toml")
    assert water.general_proposal == "water-reform" and water.source == "argmap:water_industry.toml"
    with pytest.raises(TaxonomyError, match="no shipped taxonomy argmap:nope.toml; shipped: argmap:"):
        load_taxonomy("argmap:nope.toml")


def test_an_actor_is_found_by_the_site_a_page_is_on():
    t = taxonomy_from_dict({"actor": [
        {"id": "lga", "name": "Local Government Association", "type": "organisation", "sites": ["local.gov.uk"]},
        {"id": "gov", "name": "UK Government", "type": "organisation", "sites": ["www.gov.uk"]},
    ]})
    assert t.actor_for_site("https://www.local.gov.uk/parliament/briefings/a-response").id == "lga"
    assert t.actor_for_site("https://LOCAL.GOV.UK/x").id == "lga"
    assert t.actor_for_site("https://www.gov.uk/government/news/x").id == "gov"
    assert t.actor_for_site("https://www.kent.gov.uk/news") is None  # a council's site is not the government's
    assert t.actor_for_site("https://notlocal.gov.uk.example.com/") is None
    assert t.actor_for_site("") is None


@pytest.mark.parametrize("sites", [["https://local.gov.uk"], ["local.gov.uk/news"], ["local"], "local.gov.uk", [5]])
def test_sites_must_be_host_names(sites):
    with pytest.raises(TaxonomyError, match="sites must be a list of web site host names"):
        taxonomy_from_dict({"actor": [{"id": "lga", "name": "LGA", "sites": sites}]})


def test_an_actor_speaks_through_the_work_it_names():
    t = taxonomy_from_dict({
        "proposal": [{"id": "hearth-review", "label": "Hearth Review", "kind": "document"}],
        "actor": [{"id": "panel", "name": "Hearth Review Panel", "type": "organisation", "work": "hearth-review"},
                  {"id": "lga", "name": "Local Government Association", "type": "organisation"}],
    })
    assert t.actors["panel"].work == "hearth-review" and t.actors["lga"].work is None
    assert t.speakers_through == {"hearth-review": "panel"}


def test_an_actors_work_must_be_a_proposal_id():
    with pytest.raises(TaxonomyError, match="work.*'hearth' is not a proposal id"):
        taxonomy_from_dict({"actor": [{"id": "panel", "name": "Panel", "work": "hearth"}]})


def test_a_name_at_the_end_of_a_longer_hyphened_word_is_not_found():
    """'not-for-profit' is not 'for-profit', nor 'under-funded' 'funded': the word joined before a
    name changes its meaning. A name that is the whole hyphened word, or starts it, is found; so are
    actors ('Longfield-led' is still Longfield)."""
    t = taxonomy_from_dict({
        "proposal": [{"id": "private", "label": "Private provision", "aliases": ["for-profit", "non-profit bodies"]}],
        "theme": [{"id": "funding", "label": "Funding", "terms": ["funded"]}],
        "actor": [{"id": "longfield", "name": "Anne Longfield", "aliases": ["Longfield"]}],
    })
    assert t.find_proposals("a public service and not-for-profit ethos") == []
    assert t.find_themes("under-funded services") == []
    assert [m.phrase for m in t.find_proposals("A for-profit provider, not-for-profit bodies.")] == ["for-profit"]
    assert [m.phrase for m in t.find_proposals("Two non-profit bodies.")] == ["non-profit bodies"]
    assert [m.phrase for m in t.find_themes("It is funded - by the council - and fully-funded")] == ["funded"]
    assert [m.phrase for m in t.find_proposals("For-profit homes, for-profit-making firms")] == ["for-profit", "for-profit"]
    assert [m.phrase for m in t.find_actors("The Longfield-led review")] == ["Longfield"]


def test_a_name_ending_in_a_verb_head_matches_its_verb_and_object():
    """'bonus ban' as 'banning bonuses', 'a ban on bonuses', 'the banning of bonuses'; not the bare verb."""
    from argmap.taxonomy import taxonomy_from_dict

    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [{"id": "bonus-ban", "label": "bonus ban"}]})
    heads = frozenset({"ban"})
    for text in ("They backed banning bonuses.", "They backed bans on bonuses.",
                 "They backed the banning of bonuses.", "They backed a bonus ban."):
        assert [m.id for m in t.find_proposals(text, heads)] == ["bonus-ban"], text
    assert t.find_proposals("They backed the banning of cars.", heads) == []
    assert t.find_proposals("They backed banning of bonuses.") == []  # without verb heads, the alias only


def test_a_verb_head_name_matches_with_words_before_its_object():
    """'bans on City bank bonuses', 'banning the bonuses of bankers': up to three words between the
    link and the object, or the object after 'the' and before 'of'."""
    from argmap.lexicon import load_lexicon
    from argmap.taxonomy import taxonomy_from_dict

    breaks = frozenset(load_lexicon()["markers.phrase_breaks"])
    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [{"id": "bonus-ban", "label": "bonus ban"}]})
    heads = frozenset({"ban"})
    for text in ("They backed bans on City bank bonuses.", "They backed banning the bonuses of bankers.",
                 "They backed a ban on the largest bonuses."):
        assert [m.id for m in t.find_proposals(text, heads, breaks=breaks)] == ["bonus-ban"], text


def test_a_verb_head_name_near_miss_words_that_end_the_phrase_or_too_many():
    """'a ban on cars and on bonuses' (a break between), four words between, or no verb heads or
    phrase breaks: no match."""
    from argmap.lexicon import load_lexicon
    from argmap.taxonomy import taxonomy_from_dict

    breaks = frozenset(load_lexicon()["markers.phrase_breaks"])
    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [{"id": "bonus-ban", "label": "bonus ban"}]})
    heads = frozenset({"ban"})
    for text in ("They backed a ban on cars and on bonuses.", "They backed bans on big old City bank bonuses."):
        assert t.find_proposals(text, heads, breaks=breaks) == [], text
    assert t.find_proposals("They backed bans on City bank bonuses.") == []


def test_phrases_sharing_a_beginning_each_match_and_the_longest_wins():
    """The matcher writes shared beginnings once; every phrase must still match, alone and at
    the end of a text, and the longest phrase that fits wins over a shorter one it begins with."""
    import re

    from argmap.text import phrase_pattern

    phrases = ["child", "child care", "child-care reform", "childminder", "care", "care leavers", "c++ fund"]
    pattern = phrase_pattern(phrases, plurals=True)
    for phrase in phrases:
        assert [m.group(0) for m in pattern.finditer(f"about {phrase}")] == [phrase], phrase
    found = [m.group(0) for m in pattern.finditer("child care reform, childminders, child carers and care leavers")]
    assert found == ["child care reform", "childminders", "child", "care leavers"]
    assert [m.group(0) for m in pattern.finditer("childcare reform and children")] == ["childcare reform"]
    assert phrase_pattern(["x"], plurals=False).pattern.count("s?") == 0
    assert re.fullmatch(phrase_pattern(["care"]), "care") and not phrase_pattern(["care"]).search("careful")


def test_a_longer_name_starting_inside_a_match_wins_when_it_means_something_else():
    """'the bill rises': 'the bill' (one proposal) and 'bill rises' (another) overlap; the longer
    name is what is meant. When both names mean one proposal, the first stays where it is."""
    tax = taxonomy_from_dict({
        "proposal": [{"id": "act", "label": "The Act", "aliases": ["the bill"]},
                     {"id": "rises", "label": "Bill rises", "aliases": ["bill rises"]},
                     {"id": "review", "label": "Care review", "aliases": ["care review", "review's final report"]}],
    })
    assert [(m.id, m.phrase) for m in tax.find_proposals("They said the bill rises were unfair.")] == [("rises", "bill rises")]
    assert [m.id for m in tax.find_proposals("They said the bill passed.")] == ["act"]
    found = tax.find_proposals("The Care Review's final report came out.")
    assert [(m.id, m.phrase) for m in found] == [("review", "care review")]


def test_a_name_with_an_of_phrase_also_matches_as_a_compound():
    """'regulation of social work' also as 'social work regulation'; not when the 'of' phrase has
    short function words ('devolution of power to towns'), and not for actors' names."""
    from argmap.taxonomy import taxonomy_from_dict

    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [
        {"id": "regulator", "label": "New regulator", "aliases": ["regulation of social work"]},
        {"id": "local-power", "label": "Local power", "aliases": ["devolution of power to towns"]}],
        "actor": [{"id": "adcs", "name": "Association of Directors", "type": "organisation"}]})
    assert [m.id for m in t.find_proposals("Proposals for social work regulation were dropped.")] == ["regulator"]
    assert [m.id for m in t.find_proposals("The regulation of social work was dropped.")] == ["regulator"]
    assert t.find_proposals("Power to towns devolution was dropped.") == []
    assert t.find_actors("Directors Association said no.") == []


def test_a_cue_word_with_an_apostrophe_also_has_its_curly_form():
    """Pages write 'can’t' as often as "can't": a word class holds both, the straight one first."""
    from argmap.lexicon import lexicon_from_dict

    lex = lexicon_from_dict({"markers": {"prohibiting": ["must", "Can't"]}})
    assert lex.ordered("markers.prohibiting") == ("must", "can't", "can\u2019t")
    assert "can\u2019t" in lex["markers.prohibiting"] and "must\u2019" not in lex["markers.prohibiting"]


def test_a_schema_error_with_more_problems_than_it_shows_keeps_one_shape_per_line():
    """Over a hundred problems: the lines shown, then one line in the same 'file: entry: message'
    shape saying how many more there are."""
    import re

    from argmap.schema import MAX_SHOWN, Problem, SchemaError

    problems = [Problem("cues.toml", "[nouns]", f"word{i}", "is missing") for i in range(MAX_SHOWN + 14)]
    lines = str(SchemaError(problems)).splitlines()
    assert len(lines) == MAX_SHOWN + 1
    assert all(re.match(r"^[^:]+: [^:]+: .+$", line) for line in lines)
    assert lines[-1] == "cues.toml: (not shown): 14 more problems like these"



def test_an_acronym_given_in_brackets_after_a_name_names_the_proposal_afterwards():
    """'Community Energy Co-operatives (CECs) ... CECs will ...': the bracketed acronym of a name
    names that proposal later in the text, singular or plural, as a whole word."""
    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [
        {"id": "energy-coops", "label": "community energy co-operatives"},
        {"id": "meter-duty", "label": "duty to install smart meters"}]})
    text = "Towns will run Community Energy Co-operatives (CECs). Critics say a CEC will fail, and CECs cost money."
    found = [(m.id, m.phrase) for m in t.find_proposals(text)]
    assert found == [("energy-coops", "community energy co-operatives"), ("energy-coops", "CEC"),
                     ("energy-coops", "CECs")]
    text = "The duty to install smart meters (DISM) begins soon; DISM is costly."
    assert [m.phrase for m in t.find_proposals(text)] == ["duty to install smart meters", "DISM"]


def test_an_acronym_near_miss_not_its_initials_not_right_after_or_before_it_is_given():
    """Brackets holding other letters ('(EU)'), an acronym given after other words, a use before it
    is given, or inside a longer word ('CECsX', 'pre-CEC') name nothing."""
    t = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [
        {"id": "energy-coops", "label": "community energy co-operatives"}]})
    assert [m.phrase for m in t.find_proposals("Community energy co-operatives (EU). The EU backs them.")] == \
        ["community energy co-operatives"]
    assert [m.phrase for m in t.find_proposals("Community energy co-operatives in towns (CECs). CECs help.")] == \
        ["community energy co-operatives"]
    text = "CECs help. Community Energy Co-operatives (CECs) are new. CECsX and pre-CEC are not."
    assert [m.phrase for m in t.find_proposals(text)] == ["community energy co-operatives"]


def _always(*_):
    return True


def test_a_name_split_once_by_other_words_matches_when_the_caller_says_they_describe_it():
    """'multi-agency safeguarding teams' names 'multi-agency teams', 'manage the social worker
    agency market' names 'manage the agency market', when the caller's test (the parse, in the
    pipeline) says the words of the split describe the name's words; the offsets cover the words
    as written, and the test is given the split's offsets."""
    t = _tax([{"id": "teams", "label": "multi-agency teams"},
              {"id": "agency", "label": "agency rules", "aliases": ["manage the agency market"]}])
    seen = []

    def test(*offsets):
        seen.append(offsets)
        return True

    for text, words, gap in (("Councils back multi-agency safeguarding teams.", "multi-agency safeguarding teams",
                              "safeguarding"),
                             ("It will manage the children's social worker agency market.",
                              "manage the children's social worker agency market", "children's social worker")):
        seen.clear()
        found = t.find_proposals(text, breaks=frozenset({"and", "to"}), gap_ok=test)
        assert len(found) == 1 and text[found[0].start:found[0].end] == words
        assert text[seen[0][0]:seen[0][1]] == gap and seen[0][2:] == (found[0].start, found[0].end)
        assert t.find_proposals(text) == []  # without the test, no match
        assert t.find_proposals(text, breaks=frozenset({"and"}), gap_ok=lambda *_: False) == []


@pytest.mark.parametrize("text", [
    "Councils back multi-agency and safeguarding teams.",  # a break word in the split
    "Councils back multi-agency health, police and school teams.",  # a mark in the split
    "Councils back multi-agency work with four new local teams.",  # more than three words
    "We read the new report.",  # a name that starts with an article
])
def test_near_miss_a_name_split_by_a_break_a_mark_four_words_or_after_an_article(text):
    t = _tax([{"id": "teams", "label": "multi-agency teams"},
              {"id": "inquiry", "label": "inquiry", "aliases": ["the report"]}])
    assert t.find_proposals(text, breaks=frozenset({"and", "with"}), gap_ok=_always) == []
