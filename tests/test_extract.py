"""Extraction on short hand-written articles: attribution, stance, targets, grounds (needs the model)."""

from __future__ import annotations

import pytest

from argmap.model import Stance
from conftest import extract_text

pytestmark = pytest.mark.model


def positions(result):
    """{(speaker, stance, target)} for targets and (objection) themes."""
    out = set()
    for c in result.claims:
        for t in c.targets:
            out.add((c.speaker, c.stance.value, t))
        if c.stance == Stance.OBJECT:
            for t in c.themes:
                out.add((c.speaker, c.stance.value, "theme:" + t))
    return out


def test_reported_speech_objection_with_ground(extractor):
    r = extract_text(extractor, "The British Association of Social Workers warned that letting unqualified staff "
                                "hold cases would dilute the social work role.")
    assert ("basw", "object", "alternatively-qualified-staff") in positions(r)
    assert ("basw", "object", "theme:dilution-of-social-work") in positions(r)


def test_quote_before_speaker_and_pronoun(extractor):
    text = ("Marion Tull, director of children's services at Eastmoor Council, spoke at the launch.\n"
            "\u201cMulti-agency child protection teams will not work without new money from the Treasury,\u201d "
            "she said.")
    r = extract_text(extractor, text)
    assert ("marion-tull", "object", "multi-agency-child-protection-teams") in positions(r)
    actor = next(a for a in r.actors if a.id == "marion-tull")
    assert actor.role and "director of children's services" in actor.role.replace("\u2019", "'")


def test_multi_sentence_quote_is_attributed_throughout(extractor):
    text = ("\u201cFamily group decision-making puts families first. It is the right approach and we back it "
            "fully,\u201d said Peter Olusanya, chair of the Kinship Forum.")
    r = extract_text(extractor, text)
    assert all(c.speaker == "peter-olusanya" for c in r.claims)
    assert ("peter-olusanya", "support", "family-group-decision-making") in positions(r)


def test_according_to(extractor):
    r = extract_text(extractor, "The regional care co-operatives are a sensible way forward, according to "
                                "the Local Government Association.")
    assert ("lga", "support", "regional-care-cooperatives") in positions(r)


def test_negated_cue_flips_stance(extractor):
    r = extract_text(extractor, "Helen Moss said the family help reforms were not realistic for small councils.")
    assert ("helen-moss", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Far from opposing the reform, Helen Moss backed the windfall tax on large providers.")
    assert ("helen-moss", "support", "windfall-tax-private-providers") in positions(r)
    assert not any(s == "object" for _, s, _ in positions(r))


def test_contrast_gives_one_claim_per_stance(extractor):
    text = ("Ayo Bell, chief executive of the charity Kinfolk, welcomed the kinship allowance but warned that "
            "the family help practices could remove important checks and balances.")
    pos = positions(extract_text(extractor, text))
    assert ("ayo-bell", "support", "kinship-care-support") in pos
    assert ("ayo-bell", "object", "family-help-practices") in pos


def test_condition_is_an_objection_on_its_ground(extractor):
    text = "\u201cReform will only be possible with sustainable funding,\u201d said Dev Khanna of the county network."
    pos = positions(extract_text(extractor, text))
    assert ("dev-khanna", "object", "social-care-reform") in pos
    assert ("dev-khanna", "object", "theme:funding") in pos


def test_unnamed_critics_are_not_actors(extractor):
    text = ("Critics claim the unique identifier will be a privacy disaster. But Nora Quist, who leads the data "
            "project, rejects that criticism.")
    pos = positions(extract_text(extractor, text))
    assert ("nora-quist", "support", "unique-child-identifier") in pos
    assert not any(stance == "object" for _, stance, _ in pos)


def test_organisation_statement_and_it(extractor):
    text = ("The Family Rights Group responded to the consultation.\n"
            "Their statement says that family group conferences are vital. "
            "It said the duty must not be diluted by a lack of funding.")
    pos = positions(extract_text(extractor, text))
    assert ("family-rights-group", "support", "family-group-decision-making") in pos
    assert any(a == "family-rights-group" and s == "object" for a, s, _ in pos)


def test_target_from_previous_sentence(extractor):
    text = ("The government plans to make family group decision-making compulsory for every council.\n"
            "Jo Arden described the proposal as depressing.")
    pos = positions(extract_text(extractor, text))
    assert ("jo-arden", "object", "family-group-decision-making") in pos


def test_surname_resolves_to_full_name(extractor):
    text = ("Katrin Vale, chief executive of Become, spoke first. Later Vale warned that the reforms lacked funding.")
    r = extract_text(extractor, text)
    assert {c.speaker for c in r.claims} == {"katrin-vale"}
    vale = next(a for a in r.actors if a.id == "katrin-vale")
    assert vale.affiliation == "become"


def test_opinion_author_owns_unattributed_evaluation(extractor):
    text = ("The multi-agency child protection teams are a laudable idea. There is a danger that they will be "
            "undermined by a lack of funding.")
    r = extract_text(extractor, text, author="Sam Writer", genre="opinion")
    pos = positions(r)
    assert ("sam-writer", "object", "theme:funding") in pos
    # the same text in a news report has no speaker
    assert not extract_text(extractor, text, genre="news").claims


def test_a_list_of_recommendations_is_the_pages_one_work(extractor):
    """'The recommendations include:' on a page that has named its one work (the review): the items
    are the review's proposals; a page naming no work gives them to nobody."""
    items = ("The recommendations include:\n"
             "  \u2022 A kinship allowance for every kinship carer\n"
             "  \u2022 Regional care co-operatives in every region\n"
             "Critics were unimpressed.\n")
    text = "The Independent Review of Children's Social Care published its final report today.\n" + items
    pos = positions(extract_text(extractor, text))
    assert ("independent-review-panel", "support", "kinship-care-support") in pos
    assert ("independent-review-panel", "support", "regional-care-cooperatives") in pos
    text = "A report on children's services came out today.\n" + items
    assert not any(p[0] == "independent-review-panel" for p in positions(extract_text(extractor, text)))
    for intro in ("BASW is pleased to see the following recommendations:",
                  "We are pleased to see the following recommendations:",
                  "We welcome the recommendations, which include:"):
        text = ("The Independent Review of Children's Social Care published its final report today.\n"
                + intro + "\n" + items.split("\n", 1)[1])
        assert not any(p[0] == "independent-review-panel" for p in positions(extract_text(extractor, text)))


def test_a_list_introduced_as_an_actors_recommendations_is_that_actors(extractor):
    """'The Hearth Trust's main recommendations are:' (the Trust named in the possessive, the page
    naming no work): the items are the Trust's; with no owner named, nobody's."""
    items = ("  \u2022 A kinship allowance for every kinship carer\n"
             "  \u2022 Regional care co-operatives in every region\n")
    text = ("The Hearth Trust held a conference on Monday.\n\n"
            "The Hearth Trust\u2019s main recommendations are:\n\n" + items)
    pos = positions(extract_text(extractor, text))
    assert ("hearth-trust", "support", "kinship-care-support") in pos
    text = "The Hearth Trust held a conference on Monday.\n\nThe main recommendations are:\n\n" + items
    assert not any(p[0] == "hearth-trust" for p in positions(extract_text(extractor, text)))


def test_a_list_a_possessed_work_sets_out_is_its_owners(extractor):
    """'The Hearth Trust's strategy sets out three pillars:' on a page written by someone else (the
    author speaks as 'we'): the items are the Trust's, not the author's; 'The strategy sets out
    three pillars:' with no owner named leaves them to the author."""
    items = ("\n1. Family help teams in every council.\n\n"
             "2. A kinship allowance for every kinship carer.\n\n")
    page = ("We welcome the new plans for children. We hope they are funded.\n\n"
            "The Hearth Trust held a conference on Monday.\n\n")
    pos = positions(extract_text(extractor, page + "The Hearth Trust\u2019s strategy sets out three pillars:\n" + items,
                                 author="Care Voices", genre="statement"))
    assert ("hearth-trust", "support", "family-help") in pos
    assert ("care-voices", "support", "family-help") not in pos
    pos = positions(extract_text(extractor, page + "The strategy sets out three pillars:\n" + items,
                                 author="Care Voices", genre="statement"))
    assert ("hearth-trust", "support", "family-help") not in pos


def test_a_lists_first_item_that_lost_its_mark_is_an_item(extractor):
    """A line right after the introduction, with marked items after it, is the list's first item
    (its mark lost in the copy); a line with ordinary text after it is not."""
    first = "Family help teams in every council\n\n"
    items = ("  \u2022 A kinship allowance for every kinship carer\n"
             "  \u2022 Regional care co-operatives in every region\n")
    intro = "The Hearth Trust held a conference on Monday.\n\nThe Hearth Trust\u2019s main recommendations are:\n\n"
    pos = positions(extract_text(extractor, intro + first + items))
    assert ("hearth-trust", "support", "family-help") in pos
    pos = positions(extract_text(extractor, intro + first + "Ministers met on Tuesday.\n\n" + items))
    assert ("hearth-trust", "support", "family-help") not in pos


STRETCHED = "\u201cBut councils are stretched to breaking point.\u201d"
RESUMED = ("\u201cThe plans are a start,\u201d said Rita Hale, the director of the Trust. " + STRETCHED + "\n\n"
           "If I lose a worker, I cannot find a locum. Family help is the wrong approach.\n\n"
           "Ministers said the plans would work.\n")


def test_a_paragraph_in_the_first_person_after_a_quotation_goes_on_with_it(extractor):
    """A report's unquoted 'I' paragraph right after a person's quoted sentence is a block quote that
    lost its marks: hers, not the outlet's or nobody's."""
    r = extract_text(extractor, RESUMED, outlet="Care Weekly")
    (claim,) = [c for c in r.claims if c.text.startswith("Family help is the wrong")]
    assert claim.speaker == "rita-hale" and claim.stance == Stance.OBJECT


def test_a_paragraph_in_the_first_person_goes_on_with_no_quotation_written_by_a_person(extractor):
    """In an opinion piece (a person as author) 'I' is the writer, even after a quotation; after a
    sentence that only reports speech, an 'I' paragraph is nobody's quotation either."""
    r = extract_text(extractor, RESUMED, author="Sam Okoro")
    assert all(c.speaker != "rita-hale" for c in r.claims if c.text.startswith("Family help is the wrong"))
    reported = RESUMED.replace(STRETCHED, "She said councils were \u201cstretched to breaking point by demand\u201d.")
    r = extract_text(extractor, reported, outlet="Care Weekly")
    assert all(c.speaker != "rita-hale" for c in r.claims if c.text.startswith("Family help is the wrong"))


INTERVIEW_STORY = (
    "Care Weekly sat down with Jane Doe, president of the Carers Union, after her speech.\n\n"
    "\u201cWe have been listened to. The family help teams are a good start and we welcome them.\u201d\n\n"
    "She spoke for an hour.\n\n"
    "\u201cThe funding for kinship care is far too small, and we oppose the cap.\u201d\n"
)


def test_quotations_in_an_interview_story_are_the_interviewees(extractor):
    """A page whose opening names the person interviewed ('sat down with Jane Doe'): the quotations
    that name no speaker are hers."""
    r = extract_text(extractor, INTERVIEW_STORY, outlet="Care Weekly")
    quoted = [c for c in r.claims if "family help teams" in c.text or "kinship care" in c.text]
    assert len(quoted) == 2 and all(c.speaker == "jane-doe" for c in quoted)
    assert quoted[0].rule.startswith("interview-quote")


def test_quotations_in_an_interview_story__near_miss_no_person_after_the_phrase(extractor):
    """'The minister spoke to the press': no person interviewed, so the quotations stay unattributed;
    'interviewed by Sam Roe' names the one asking, not the one interviewed."""
    story = INTERVIEW_STORY.replace("Care Weekly sat down with Jane Doe, president of the Carers Union, after her speech.",
                                    "The minister spoke to the press after her speech.")
    r = extract_text(extractor, story, outlet="Care Weekly")
    assert not [c for c in r.claims if c.rule.startswith("interview-quote")]
    by_reporter = INTERVIEW_STORY.replace("Care Weekly sat down with Jane Doe, president of the Carers Union,",
                                          "Jane Doe, president of the Carers Union, was interviewed by Sam Roe")
    r = extract_text(extractor, by_reporter, outlet="Care Weekly")
    assert all(c.speaker != "sam-roe" for c in r.claims)  # the one asking is no interviewee


WHO_SAID_WHAT = (
    "How the debate went\n"
    "Members spoke in turn. Here is what each said:\n"
    "Jane Doe\n"
    "Lab\n"
    "Leeds Central\n"
    "Called for better support for kinship carers. Asked the Minister to oppose the cap on kinship care.\n"
    "Sam Roe\n"
    "Con\n"
    "Mid Wessex\n"
    "Argued for a national allowance for kinship carers.\n"
)


def test_a_summary_under_a_members_name_is_that_members(extractor):
    """A list of who said what: a name line, a party line, a seat, then a sentence that opens with
    a past-tense verb and no subject ('Called for ...'): the sentence is that member's; one that
    opens with a verb of asking ('Asked the Minister to ...') is a question, no one's position."""
    r = extract_text(extractor, WHO_SAID_WHAT, outlet="Debate Digest")
    by_text = {c.text.split()[0]: (c.speaker, c.rule.split("+")[0]) for c in r.claims}
    assert by_text["Called"] == ("jane-doe", "summary-line")
    assert by_text["Argued"] == ("sam-roe", "summary-line")
    assert "Asked" not in by_text  # a question put to the minister is no position of hers


def test_a_summary_under_a_members_name__near_miss(extractor):
    """Without the party line the name line is a heading, not a member; a sentence with its own
    subject ('Councils called for ...') is not a summary of the member's words."""
    r = extract_text(extractor, WHO_SAID_WHAT.replace("Lab\n", "").replace("Con\n", ""), outlet="Debate Digest")
    assert not [c for c in r.claims if c.rule.startswith("summary-line")]
    own = WHO_SAID_WHAT.replace("Called for better", "Councils called for better")
    r = extract_text(extractor, own, outlet="Debate Digest")
    assert all(c.speaker != "jane-doe" for c in r.claims if c.text.startswith("Councils"))


def test_the_actor_of_an_as_clause_holds_what_the_speaker_says(extractor):
    """'BASW said the onus is on ministers to, as the LGA suggests, extend family help': the LGA holds
    it too; 'as the Government announced plans ...' tells when, and the Government holds nothing of it."""
    text = "BASW said the onus is now on ministers to, as the LGA suggests, extend family help to every council.\n"
    pos = positions(extract_text(extractor, text))
    assert ("basw", "support", "family-help") in pos and ("lga", "support", "family-help") in pos
    text = "BASW said it would back family help, as the Government announced plans for regional care co-operatives.\n"
    assert not any(p[0] == "uk-government" and p[2] == "family-help" for p in positions(extract_text(extractor, text)))


def test_the_agent_of_a_set_off_as_clause_holds_what_the_speaker_says(extractor):
    """'..., as recommended by the LGA.' set off by a comma: the LGA holds it too; 'the approach as
    outlined by the LGA' only says which approach."""
    text = "BASW said ministers must extend family help to every council, as recommended by the LGA.\n"
    pos = positions(extract_text(extractor, text))
    assert ("basw", "support", "family-help") in pos and ("lga", "support", "family-help") in pos
    text = "BASW said ministers must extend family help to every council in the way outlined by the LGA.\n"
    assert not any(p[0] == "lga" for p in positions(extract_text(extractor, text)))
    text = "BASW said ministers must extend family help to every council as outlined by the LGA.\n"
    assert not any(p[0] == "lga" for p in positions(extract_text(extractor, text)))


LETTER = ("Jo Bell from BASW, Sam Okoro from the LGA and Rita Hale from Kinship have written to the Prime Minister.\n\n"
          "The letter urges ministers to introduce family help in every council.\n")


def test_what_a_letter_says_is_its_writers(extractor):
    """'A from X, B from Y and C from Z have written to the Prime Minister. The letter urges ministers
    to introduce family help': each writer backs family help."""
    pos = positions(extract_text(extractor, LETTER))
    for who in ("jo-bell", "sam-okoro", "rita-hale"):
        assert (who, "support", "family-help") in pos


def test_what_a_letter_says_is_nobodys_when_no_one_or_two_groups_write(extractor):
    """With no writers named, or with two letters written by different people, the letter's words
    stay unattributed."""
    no_writers = "Charities have written to the Prime Minister.\n\n" + LETTER.split("\n\n")[1]
    assert not any(p[2] == "family-help" and p[1] == "support" for p in positions(extract_text(extractor, no_writers)))
    two = LETTER.replace("\n\n", "\n\nAmy Tate and Ben Ryle have written to the Chancellor.\n\n", 1)
    pos = positions(extract_text(extractor, two))
    assert not any(p[0] in {"jo-bell", "amy-tate"} and p[2] == "family-help" for p in pos)


def test_it_is_clear_that_is_nobodys_saying(extractor):
    """'BASW has been clear that family help is wrong' is BASW's; 'It is clear that family help is
    needed' after a sentence about BASW is nobody's ('it' is no one)."""
    pos = positions(extract_text(extractor, "BASW has been clear that family help is wrong.\n"))
    assert ("basw", "object", "family-help") in pos
    text = "BASW met on Monday.\n\nIt is clear that family help is needed.\n"
    assert not any(p[0] == "basw" for p in positions(extract_text(extractor, text)))


def test_unbalanced_quotes_do_not_crash(extractor):
    text = "\u201cThe windfall tax is wrong, said Lou Park. \u201cIt will close homes.\n\"And another \u2018 stray"
    r = extract_text(extractor, text)
    assert all(0 <= c.start <= c.end <= len(text) for c in r.claims)


def test_claim_offsets_point_into_source_text(extractor):
    text = "  Rita Hale said family help was the right approach.\n\nShe added it needs more funding."
    r = extract_text(extractor, text)
    assert r.claims
    for c in r.claims:
        assert text[c.start:c.end] == c.text
        assert c.rule and c.attribution


def test_expressing_appreciation_backs_what_it_names(extractor):
    """'expressed appreciation for X' backs X; a near miss: 'expressed surprise at X' takes no side."""
    pos = positions(extract_text(extractor, "Councils plan help\n\nRita Hale has expressed appreciation for family help."))
    assert ("rita-hale", "support", "family-help") in pos
    near = positions(extract_text(extractor, "Councils plan help\n\nRita Hale has expressed surprise at family help."))
    assert ("rita-hale", "support", "family-help") not in near


MINUTES = ("Agenda item\n\nSupporting Kinship Care in Hearthshire\n\nMinutes:\n\n"
           "Proposed by Councillor Jo Bell\n\nSeconded by Councillor Amy Lee\n\n"
           "This Council notes that kinship carers face high costs.\n")


def test_a_motions_movers_back_what_its_title_names(extractor):
    """'Supporting Kinship Care ...' over 'Proposed by Councillor Jo Bell' and 'Seconded by Councillor
    Amy Lee': both put the motion forward; a label ('Minutes:') is no title, and with no title
    line within reach (a line of text between) the movers back nothing."""
    pos = positions(extract_text(extractor, MINUTES))
    assert {("jo-bell", "support", "kinship-care-support"), ("amy-lee", "support", "kinship-care-support")} <= pos
    far = MINUTES.replace("Minutes:", "Minutes: the meeting opened at seven and members heard a long report.\n\n"
                          "The chair welcomed everyone.\n\nApologies were received.")
    assert not any(p[0] in {"jo-bell", "amy-lee"} for p in positions(extract_text(extractor, far)))


def test_a_motions_title_with_no_stance_word_is_still_put_forward(extractor):
    """'Kinship Care Allowances' as a motion's title backs what it names; the same lines with
    'Written by' name a writer, not a mover."""
    plain = MINUTES.replace("Supporting Kinship Care in Hearthshire", "Kinship Care Allowances")
    assert ("jo-bell", "support", "kinship-care-support") in positions(extract_text(extractor, plain))
    written = plain.replace("Proposed by", "Written by").replace("Seconded by", "Edited by")
    assert ("jo-bell", "support", "kinship-care-support") not in positions(extract_text(extractor, written))


def test_a_list_opened_by_namely_after_an_owners_plans_is_theirs(extractor):
    """'... the Department for Education's reforms, namely to;' over a list: each item is the
    department's; 'its plans on issues including:' lists issues, not plans."""
    text = ("Three councils are testing the Department for Education's reforms, namely to;\n"
            "  \u2022 Offer a kinship allowance to every kinship carer\n"
            "  \u2022 Set up regional care co-operatives\n"
            "Critics were unimpressed.\n")
    pos = positions(extract_text(extractor, text))
    assert ("dfe", "support", "kinship-care-support") in pos
    assert ("dfe", "support", "regional-care-cooperatives") in pos
    near = positions(extract_text(extractor, text.replace("reforms, namely to;", "plans on issues including;")))
    assert ("dfe", "support", "regional-care-cooperatives") not in near


def test_a_proposers_list_of_proposals_is_theirs(extractor):
    text = ("In March the Department for Education announced its plans for children's services.\n"
            "The plans include:\n"
            "  \u2022 A kinship allowance for every kinship carer\n"
            "  \u2022 Regional care co-operatives in every region\n"
            "Critics were unimpressed.\n")
    pos = positions(extract_text(extractor, text))
    assert ("dfe", "support", "kinship-care-support") in pos
    assert ("dfe", "support", "regional-care-cooperatives") in pos
