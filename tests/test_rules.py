"""One short hand-written case per extraction rule added for issue 3 (needs the model).

Each test states the rule in its name and would fail if the rule were removed; the texts are
made up for these tests, with made-up people.
"""

from __future__ import annotations

import pytest

from conftest import extract_text
from test_extract import positions

pytestmark = pytest.mark.model


def claims_of(result, speaker):
    return [c for c in result.claims if c.speaker == speaker]


def test_concession_set_against_an_objection_is_the_other_side(extractor):
    """'While X has argued A, there is a danger that B': A is X's defence, B the writer's worry."""
    text = ("While the Department for Education has argued that multi-agency child protection teams keep some "
            "independence, there is a danger that independence is compromised.")
    r = extract_text(extractor, text, author="Rosa Pell", genre="opinion")
    got = positions(r)
    assert ("dfe", "support", "multi-agency-child-protection-teams") in got
    assert ("rosa-pell", "object", "multi-agency-child-protection-teams") in got
    assert ("dfe", "object", "multi-agency-child-protection-teams") not in got


def test_urging_someone_to_act_backs_the_action(extractor):
    r = extract_text(extractor, "The Family Rights Group urged ministers to extend family group conferences "
                                "to every council.")
    assert ("family-rights-group", "support", "family-group-decision-making") in positions(r)


def test_urging_someone_to_publish_backs_nothing(extractor):
    r = extract_text(extractor, "The Local Government Association called on ministers to publish a full costing "
                                "of the family help rollout.")
    assert not any(c.stance.value == "support" for c in r.claims)


def test_cue_phrase_split_by_quotation_marks(extractor):
    r = extract_text(extractor, "Nadia Orme, a care leaver, says it is \u201cimperative\u201d that care-experienced "
                                "people are consulted on the reforms.")
    assert ("nadia-orme", "object", "theme:care-experienced-voice") in positions(r)


def test_ground_named_inside_a_proposal_name_is_no_ground(extractor):
    r = extract_text(extractor, "Councillor Ben Stroud warned against relying on pilot schemes before the "
                                "national roll-out.")
    got = positions(r)
    assert ("ben-stroud", "object", "pathfinder-rollout") in got
    assert ("ben-stroud", "object", "theme:evaluation") not in got


def test_granted_problem_is_no_objection(extractor):
    text = ("Kinship carers will get a new allowance under the plans.\n"
            "Minister Alan Ferris recognised that caseloads remain too high.")
    r = extract_text(extractor, text)
    assert not [c for c in claims_of(r, "alan-ferris") if c.stance.value == "object"]


def test_recommendation_outside_the_taxonomy_becomes_a_candidate(extractor):
    text = ("Pauline Dray, a foster carer for twenty years, spoke to us.\n"
            "\u201cMore effort should be made in keeping brothers and sisters together,\u201d she said.")
    r = extract_text(extractor, text)
    mine = [c for c in claims_of(r, "pauline-dray") if c.stance.value == "support"]
    assert mine and mine[0].targets[0].startswith("candidate-")
    assert "brothers" in r.candidates[0]["label"].lower() or "sisters" in r.candidates[0]["label"].lower()


def test_whether_should_recommends_nothing(extractor):
    r = extract_text(extractor, "In 2015 ministers opened a consultation on whether private companies should run "
                                "children's services.", author="Ivo Grant", genre="opinion")
    assert not [c for c in r.claims if c.stance.value == "support"]


def test_quotation_over_several_paragraphs_keeps_its_speaker(extractor):
    text = ("Colin Marsh, a youth worker in Hull, put it plainly: \u201cThe young people I see need somewhere "
            "to go.\n\n"
            "\u201cNobody listens to them. Every care leaver should have a personal adviser until they are 25.\u201d")
    r = extract_text(extractor, text)
    assert ("colin-marsh", "support", "care-leaver-support") in positions(r)


def test_research_findings_are_not_the_writers_position(extractor):
    text = "A survey by the charity found that nearly half of social workers feared the family help reforms."
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    assert not claims_of(r, "ivo-grant")


def test_suggestion_put_as_a_question_is_asserted(extractor):
    r = extract_text(extractor, "Might a national care service make more sense?", author="Ivo Grant",
                     genre="opinion")
    assert ("ivo-grant", "support", "national-social-care-service") in positions(r)


def test_such_reforms_points_back_to_the_section(extractor):
    text = ("Workforce\n\n"
            "The plans include a new regulator for social work.\n\n"
            "They also promise better training and accreditation for social workers.\n\n"
            "It is hard to argue against such sensible reforms.")
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    got = positions(r)
    assert ("ivo-grant", "support", "social-work-regulator") in got
    assert ("ivo-grant", "support", "social-worker-training") in got


def test_actor_apposition_describes_and_is_not_discussed(extractor):
    text = ("The row began with the appointment of Mark Tull, founder of Stepforward, a graduate training "
            "programme for social workers, which caused controversy.")
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    assert not any("social-worker-training" in c.targets for c in r.claims)


def test_argued_with_no_cue_against_makes_the_case(extractor):
    r = extract_text(extractor, "The government argued that the pathfinder programme had shown what works.")
    assert ("uk-government", "support", "pathfinder-rollout") in positions(r)


def test_condition_over_a_list_reaches_its_grounds(extractor):
    text = ("Ultimately the success of the reforms will depend on wider policy; the level of funding for "
            "councils; and real progress on child poverty.")
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    got = positions(r)
    assert ("ivo-grant", "object", "theme:funding") in got
    assert ("ivo-grant", "object", "theme:poverty") in got


def test_passive_welcome_is_about_its_subject(extractor):
    text = "The promise of a named adviser for every family, whilst welcomed, comes as no surprise."
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    mine = [c for c in claims_of(r, "ivo-grant") if c.stance.value == "support"]
    assert mine and mine[0].targets[0].startswith("candidate-")


def test_pointing_reference_falls_back_to_the_articles_lead(extractor):
    text = ("Kinship carers in five areas will receive a weekly allowance from April.\n\n"
            "Councils had asked for help for years.\n\n"
            "The money will come from an existing grant.\n\n"
            "Gemma Roe, who chairs a carers' network in Leeds, said the scheme would not work for carers who "
            "look after teenagers with complex needs.")
    r = extract_text(extractor, text)
    assert ("gemma-roe", "object", "kinship-care-support") in positions(r)


def test_refusing_to_accept_an_objection_sides_with_the_proposal(extractor):
    text = ("The union welcomed plans for a kinship allowance.\n"
            "Maria Venn, a head teacher, said she did not accept claims that the allowance would be abused.")
    r = extract_text(extractor, text)
    assert ("maria-venn", "support", "kinship-care-support") in positions(r)


def test_the_government_describing_its_own_plan_supports_it(extractor):
    text = ("The children's minister, Joan Hale, spoke to the conference.\n"
            "\u201cEvery council will now offer a family group conference before going to court,\u201d she said.")
    r = extract_text(extractor, text)
    assert ("joan-hale", "support", "family-group-decision-making") in positions(r)


def test_an_association_named_local_government_is_not_the_government(extractor):
    r = extract_text(extractor, "The Local Government Association said the family help rollout starts in April.")
    assert not [c for c in r.claims if c.stance.value == "support"]


def test_she_passes_over_a_man_already_called_he(extractor):
    text = ("Dr Owen Pike, a researcher, argues that the reforms are rushed, he says.\n\n"
            "For Nina Shah, who runs a youth service, the new family help teams are welcome. "
            "But she warns that family help will fail without new money.")
    r = extract_text(extractor, text)
    assert ("nina-shah", "object", "family-help") in positions(r)
    assert ("owen-pike", "object", "family-help") not in positions(r)


def test_he_is_the_person_just_named_rather_than_an_earlier_speaker(extractor):
    text = ("\u201cThe roll-out is rushed,\u201d said Carl Moss, a council director.\n\n"
            "Ben Ashe, 19, left care last year. He backs the plan to give every care leaver a personal "
            "adviser up to 25.")
    r = extract_text(extractor, text)
    assert ("ben-ashe", "support", "care-leaver-support") in positions(r)


def test_what_the_speaker_wants_done_is_support(extractor):
    r = extract_text(extractor, "Dr Ian Ross wants the age of criminal responsibility raised to 14.")
    got = [c for c in r.claims if c.speaker == "ian-ross"]
    assert got and got[0].stance.value == "support" and got[0].targets[0].startswith("candidate-")
    r = extract_text(extractor, "Nobody in my team wants to go back to the old system, said Ian Ross.")
    assert not [c for c in r.claims if c.stance.value == "support"]


def test_unless_is_a_condition_even_without_a_known_ground(extractor):
    r = extract_text(extractor, "Dr Ian Ross argues that the reforms will fail children in trouble with the law "
                                "unless the two systems are brought together.")
    assert ("ian-ross", "object", "social-care-reform") in positions(r)


def test_a_ground_that_must_be_the_focus_of_a_plan_is_a_condition(extractor):
    r = extract_text(extractor, "Dr Ian Ross said funding must be a key focus of the family help reforms.")
    got = [c for c in r.claims if c.speaker == "ian-ross"]
    assert got and got[0].stance.value == "object" and "funding" in got[0].themes
    r = extract_text(extractor, "Dr Ian Ross said funding was a key focus of the family help reforms.")
    assert not [c for c in r.claims if c.stance.value == "object"]


def test_a_ground_that_will_have_to_be_right_is_a_condition(extractor):
    """'the money will have to be at the right level': what has to be so is a condition on that ground."""
    r = extract_text(extractor, "Dr Ian Ross said the family help plan is a fine idea, but the funding will have "
                                "to be at the right level.")
    got = [c for c in r.claims if c.speaker == "ian-ross" and c.stance.value == "object"]
    assert got and "funding" in got[0].themes and "will have to be (condition)" in got[0].stance_cues
    r = extract_text(extractor, "Dr Ian Ross said the family help plan is a fine idea, and the funding has been "
                                "at the right level.")
    assert not [c for c in r.claims if c.stance.value == "object"]


def test_a_speech_verb_of_unnamed_others_in_an_as_clause_names_no_speaker(extractor):
    """'..., as some critics feared it would be, seeing X as ...': the writer's sentence, not 'it's."""
    text = ("The government published its family help plan in May. It is no superficial plan, as some critics "
            "feared it would be, seeing the minister as a yes man.")
    r = extract_text(extractor, text, author="Rosa Finch", genre="opinion")
    assert [c.speaker for c in r.claims if "superficial" in c.text] == ["rosa-finch"]
    assert [c.stance.value for c in r.claims if "superficial" in c.text] == ["support"]


def test_an_advocate_the_noun_is_a_role_not_a_stance(extractor):
    r = extract_text(extractor, "Family help was launched in May. I was her advocate.", author="Rosa Finch",
                     genre="opinion")
    assert not [c for c in r.claims if "advocate" in c.stance_cues]
    r = extract_text(extractor, "Family help was launched in May. I advocate it.", author="Rosa Finch", genre="opinion")
    assert ("rosa-finch", "support", "family-help") in positions(r)


def test_a_work_led_by_someone_speaks_through_its_leader(extractor):
    r = extract_text(extractor, "The review, led by former teacher Ivo Grant, said family help teams were welcome.")
    assert ("ivo-grant", "support", "family-help") in positions(r)
    r = extract_text(extractor, "The review, read by former teacher Ivo Grant, said family help teams were welcome.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_which_it_said_reports_the_sentences_subject(extractor):
    """'X funded its plan, which it said would ...': the relative clause reports X."""
    text = ("The Department for Education has given money to family help teams, which it said would transform "
            "the care system.")
    assert ("dfe", "support", "family-help") in positions(extract_text(extractor, text))
    text = "The Department for Education has given money to family help teams, which would transform the care system."
    assert not [c for c in extract_text(extractor, text).claims if c.speaker == "dfe" and c.stance.value == "support"]


def test_the_legislation_is_the_bill_the_article_names_before_the_debates_one_bill(extractor):
    text = "The Schools and Colleges Bill was published today.\n\nIvo Grant said the legislation was a welcome step."
    got = [c.targets for c in extract_text(extractor, text).claims if c.speaker == "ivo-grant"]
    assert got and got[0][0].startswith("candidate-schools-and-colleges-bill")
    got = [c.targets for c in extract_text(extractor, "Ivo Grant said the legislation was a welcome step.").claims]
    assert got == [("childrens-wellbeing-schools-bill",)]  # nothing named: the debate's one bill


def test_the_strategy_is_the_proposal_named_inside_a_strategy_name_before_the_debates_one_strategy(extractor):
    """'the National Kinship Care Strategy' holds a proposal's name before its document word: a later
    'the strategy' is that proposal, not the debate's one strategy; with no such name it still is."""
    text = ("A new National Kinship Care Strategy was launched today.\n\n"
            "Ivo Grant said the strategy was a welcome step.")
    got = [c.targets for c in extract_text(extractor, text).claims if c.speaker == "ivo-grant"]
    assert got == [("kinship-care-support",)]
    text = "A new plan for kinship care was launched today.\n\nIvo Grant said the strategy was a welcome step."
    got = [c.targets for c in extract_text(extractor, text).claims if c.speaker == "ivo-grant"]
    assert got == [("stable-homes-strategy",)]


def test_a_harm_forbidden_as_the_object_of_must_not_is_the_same_concern(extractor):
    """'must not face "undue pressure"': the objection noun is the object of a verb under 'must not'
    (here with quotation marks between, beyond the four-word window); a plain 'does not put
    pressure on' still negates it."""
    text = "Ivo Grant said social workers must not face \u201cundue pressure\u201d to join the accreditation programme."
    assert ("ivo-grant", "object", "social-worker-training") in positions(extract_text(extractor, text))
    text = "Ivo Grant said the accreditation programme does not put \u201cundue pressure\u201d on social workers."
    got = positions(extract_text(extractor, text))
    assert ("ivo-grant", "object", "social-worker-training") not in got


TUTORS = ("Tutor plans criticised\n\nCommenting on proposals to introduce a licensing scheme for private tutors, "
          "Ivo Grant said:\n\n\u201cFamilies are already stretched. Tutors work long hours. {}\u201d\n")


def test_these_proposals_with_nothing_named_nearby_are_the_one_candidate_the_opening_introduces(extractor):
    """'These proposals' three sentences after the opening introduced one new proposal (and nothing
    of the taxonomy): that proposal; 'the system' is no such pointer."""
    got = [c.targets for c in extract_text(extractor, TUTORS.format("These proposals are likely to worsen shortages.")).claims
           if "worsen" in c.text]
    assert got == [("candidate-licensing-scheme",)]
    got = [c.targets for c in extract_text(extractor, TUTORS.format("The system is likely to worsen shortages.")).claims
           if "worsen" in c.text]
    assert got in ([], [()])


def test_commenting_on_a_proposal_is_no_stance_on_it(extractor):
    """'Commenting on proposals to introduce X, Y said': 'introduce' is in what Y comments on, so Y
    does not put X forward; 'Y proposed to introduce X' does."""
    got = positions(extract_text(extractor, TUTORS.format("")))
    assert not any(p[0] == "ivo-grant" and p[1] == "support" for p in got)
    got = positions(extract_text(extractor, "Ivo Grant proposed to introduce a licensing scheme for private tutors."))
    assert ("ivo-grant", "support", "candidate-licensing-scheme") in got


def test_the_committee_is_the_committee_named_in_full_before(extractor):
    """'The House of Commons Health Committee ... The Committee said': the name's last word (not
    only its head, 'House') stands for it; with no such name before, 'the Committee' stays itself."""
    text = ("The House of Commons Health Committee published its report on Monday. "
            "The Committee said family help should be funded properly.")
    got = {c.speaker for c in extract_text(extractor, text).claims}
    assert got == {"house-of-commons-health-committee"}
    got = {c.speaker for c in extract_text(extractor, "The Committee said family help should be funded properly.").claims}
    assert got == {"committee"}


def test_a_speech_verb_in_a_for_to_clause_is_wished_not_said(extractor):
    """'time for the Government to recognise X' asks the government to recognise it; 'the Government
    recognised X' is the government's own word."""
    text = "Jo Bell is right: this is the time for the Government to follow suit and recognise kinship carers."
    assert not [c for c in extract_text(extractor, text).claims if c.speaker == "uk-government"]
    text = "The Government recognised that kinship carers need support."
    assert [c for c in extract_text(extractor, text).claims if c.speaker == "uk-government"]


def test_a_person_the_opening_line_has_responding_writes_a_first_person_page(extractor):
    """'Hearth Trust chief executive Ivo Grant responds to ...' and then 'I ...' on the Trust's own
    site: Ivo Grant writes the page, not the Trust; with 'we' and no such person, the Trust does."""
    body = ("I welcome the plans for family help. I worry that family help will not be properly funded. "
            "We think the plans need more detail.")
    text = "Hearth Trust chief executive Ivo Grant responds to the family help plans.\n\n" + body
    r = extract_text(extractor, text, outlet="Hearth Trust", url="https://hearthtrust.org.uk/news/response")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    assert not [c for c in r.claims if c.speaker == "hearth-trust"]
    text = "Hearth Trust responds to the family help plans.\n\n" + body.replace("I ", "We ")
    r = extract_text(extractor, text, outlet="Hearth Trust", url="https://hearthtrust.org.uk/news/response")
    assert ("hearth-trust", "object", "family-help") in positions(r)


BYLINED = ("Bevan Hall open day \u2013 three reflections on the reforms\n\nIvy Marsh\n\n"
           "I joined the open day on Monday. I worry that family help will not be properly funded.\n")


def test_a_name_on_its_own_line_under_the_title_writes_a_first_person_page(extractor):
    """'Ivy Marsh' alone on a line under the title, untagged, over a body that speaks as 'I': she
    writes the page, not the event the title names."""
    assert ("ivy-marsh", "object", "family-help") in positions(extract_text(extractor, BYLINED))


def test_a_name_line_near_miss_quoted_i_or_a_word_for_people(extractor):
    """The same line over a body whose 'I' is only inside quotations writes nothing; a line with a
    word for people in it ('Parents United') is no person's name."""
    quoted = BYLINED.replace("I joined the open day on Monday. I worry that family help will not be properly funded.",
                             "\u201cI joined the open day,\u201d one parent said. \u201cI worry that family help "
                             "will not be properly funded,\u201d she said.")
    assert not any(p[0] == "ivy-marsh" for p in positions(extract_text(extractor, quoted)))
    r = extract_text(extractor, BYLINED.replace("Ivy Marsh", "Parents United"))
    assert not any(p[0] == "parents-united" for p in positions(r))


DESCRIBED = ("Our response to the Stable Homes, Built on Love strategy\n\n"
             "We welcome the government's approach which builds on the recommendations of the Independent Review "
             "of Children's Social Care.\n")


def test_a_work_named_with_its_owners_possessive_is_theirs_whoever_speaks(extractor):
    """'Rosa Pell's landmark review ... advocated ...' (a sentence with a speaker): the review is
    hers, so 'The review says ...' later is hers too; her speech is no review, and leaves 'The
    review says' to nobody."""
    text = ("Rosa Pell\u2019s landmark review published in May advocated for a reset of children\u2019s care.\n\n"
            "The review says councils must back family help.\n")
    assert ("rosa-pell", "support", "family-help") in positions(extract_text(extractor, text))
    text = text.replace("landmark review", "landmark speech")
    assert ("rosa-pell", "support", "family-help") not in positions(extract_text(extractor, text))


def test_a_general_plan_word_described_by_another_name_is_the_articles_document(extractor):
    """'We welcome the government's approach which builds on the review' on a page about the
    strategy: the approach welcomed is the strategy, not the review it builds on."""
    pos = positions(extract_text(extractor, DESCRIBED, author="Hearth Trust", genre="statement"))
    assert ("hearth-trust", "support", "stable-homes-strategy") in pos
    assert ("hearth-trust", "support", "independent-review") not in pos


def test_a_general_plan_word_near_miss_a_thing_of_its_own(extractor):
    """'the government's hub, which builds on the review': a hub is no general word for the plan."""
    text = DESCRIBED.replace("approach", "hub")
    pos = positions(extract_text(extractor, text, author="Hearth Trust", genre="statement"))
    assert ("hearth-trust", "support", "stable-homes-strategy") not in pos


def test_hardship_that_only_describes_people_is_no_objection_beside_a_plan(extractor):
    """'families struggling with debt' only says which families: no objection to the plan the
    sentence names; 'families will struggle under family help' says what the plan does to them."""
    text = "Ivo Grant said councils should provide families struggling with debt with support through family help."
    assert ("ivo-grant", "object", "family-help") not in positions(extract_text(extractor, text))
    text = "Ivo Grant said families will struggle under family help."
    assert ("ivo-grant", "object", "family-help") in positions(extract_text(extractor, text))


def test_children_at_risk_is_no_objection(extractor):
    """'support children at risk', 'look after at-risk children' describe the children; 'puts
    family help at risk' objects."""
    for text in ("Ivo Grant said family help will support children at risk.",
                 "Ivo Grant said family help will look after at-risk children."):
        assert not [p for p in positions(extract_text(extractor, text)) if p[1] == "object"]
    text = "Ivo Grant said the cuts put family help at risk."
    assert ("ivo-grant", "object", "family-help") in positions(extract_text(extractor, text))


def test_the_name_after_says_with_no_comma_is_the_speaker(extractor):
    """'... says the Hearth Trust' with no comma (a headline): the parser takes the Trust for the
    verb's object; it says the clause before. 'executives told the Hearth Trust' tells the Trust."""
    text = "Ministers must back family help in every council before the end of the year says the Hearth Trust\n"
    assert ("hearth-trust", "support", "family-help") in positions(extract_text(extractor, text))
    text = "Ministers must back family help in every council before the end of the year, executives told the Hearth Trust\n"
    assert not any(p[0] == "hearth-trust" for p in positions(extract_text(extractor, text)))


def test_a_published_work_that_says_something_speaks_for_its_publisher(extractor):
    """'X has published a report warning that ...': the report's warning is X's; a report X has
    only read is not."""
    text = "The Hearth Trust has published a report warning that family help is underfunded.\n"
    assert ("hearth-trust", "object", "family-help") in positions(extract_text(extractor, text))
    text = "The Hearth Trust has read a report warning that family help is underfunded.\n"
    assert not any(p[0] == "hearth-trust" for p in positions(extract_text(extractor, text)))


def test_a_persons_own_blog_speaks_in_her_voice(extractor):
    """On 'Ivy Marsh's blog', with her name over the post, what the post says as 'I' is hers; the
    same page on an outlet that is nobody's own site has no writer."""
    text = ("Ivy Marsh\n\nThe plans for families\n\nI chaired the launch of the report last week. "
            "I worry that family help will not be properly funded.")
    r = extract_text(extractor, text, outlet="Ivy Marsh's blog")
    assert ("ivy-marsh", "object", "family-help") in positions(r)
    r = extract_text(extractor, text, outlet="Care Weekly")
    assert ("ivy-marsh", "object", "family-help") not in positions(r)


def test_another_actor_setting_out_a_plan_is_not_the_speakers_support(extractor):
    r = extract_text(extractor, "Ivo Grant said the Department for Education has set out its family help plans.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said the Department for Education should set out its family help plans.")
    assert ("ivo-grant", "support", "family-help") in positions(r)


def test_as_my_noble_friend_said_in_a_turn_is_the_turns_with_the_friend_agreeing(extractor):
    text = ("Rosa Finch (Lab)\n\nMy Lords, I speak to the amendment of my noble friend Lady Doe. The plan is "
            "rushed but, as my noble friend has pointed out, there are many concerns about family help.")
    got = positions(extract_text(extractor, text))
    assert ("rosa-finch", "object", "family-help") in got
    assert ("lady-doe", "object", "family-help") in got


def test_an_actor_putting_money_into_a_named_proposal_backs_it(extractor):
    r = extract_text(extractor, "Ivo Grant said the Department for Education has allocated money to family help.")
    assert ("dfe", "support", "family-help") in positions(r)
    assert ("ivo-grant", "support", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said the Department for Education has discussed money for family help.")
    assert ("dfe", "support", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said, as the Department for Education revealed plans to expand family help.")
    assert ("dfe", "support", "family-help") in positions(r)


def test_a_moment_of_history_is_support(extractor):
    for phrase in ("a seismic moment", "a game changer", "a watershed moment"):
        r = extract_text(extractor, f"Ivo Grant said the family help teams are {phrase} for families.")
        assert ("ivo-grant", "support", "family-help") in positions(r), phrase
    r = extract_text(extractor, "Ivo Grant said the family help teams are a moment for families.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_a_starting_point_is_support(extractor):
    r = extract_text(extractor, "Ivo Grant said the family help teams are a starting point for better services.")
    assert ("ivo-grant", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said the family help teams are a point for better services.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_allaying_concerns_is_no_objection(extractor):
    """Verbs that calm a concern ('allay', 'assuage', 'dispel') remedy it like 'address' does: what
    does so is backed, not objected to."""
    for verb in ("allay", "assuage", "dispel"):
        r = extract_text(extractor, f"Ivo Grant said the family help teams should {verb} concerns from councils.")
        assert ("ivo-grant", "support", "family-help") in positions(r), verb
        assert ("ivo-grant", "object", "family-help") not in positions(r), verb
    near = extract_text(extractor, "Ivo Grant said the family help teams should raise concerns from councils.")
    assert ("ivo-grant", "object", "family-help") in positions(near)


def test_voicing_support_is_support(extractor):
    """'voicing support for X', 'expressing support for X' (the noun 'support' alone is often a
    service): the one voicing it backs X."""
    for words in ("submitted evidence voicing support for", "wrote a letter expressing support for"):
        r = extract_text(extractor, f"The Carers Union {words} the family help teams.")
        assert ("carers-union", "support", "family-help") in positions(r), words
    near = extract_text(extractor, "The Carers Union submitted evidence on support for the family help teams.")
    assert ("carers-union", "support", "family-help") not in positions(near)


def test_no_progress_and_an_undecided_future_object(extractor):
    """'little further forward', 'no progress', 'much remains undecided': a reform said to stall objects."""
    for words in ("we are little further forward on the family help teams",
                  "there has been no progress on the family help teams",
                  "much about the family help teams remains undecided"):
        r = extract_text(extractor, f"Ivo Grant said {words}.")
        assert ("ivo-grant", "object", "family-help") in positions(r), words
    near = extract_text(extractor, "Ivo Grant said we are moving forward on the family help teams.")
    assert ("ivo-grant", "object", "family-help") not in positions(near)


def test_a_last_resort_idiom_objects(extractor):
    r = extract_text(extractor, "Ivo Grant said the family help teams were a nuclear option.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said the family help teams were an option.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_an_idiom_of_too_little_objects(extractor):
    for phrase in ("a sticking plaster", "lipstick on a pig", "a drop in the ocean"):
        r = extract_text(extractor, f"Ivo Grant said the family help teams were {phrase}.")
        assert ("ivo-grant", "object", "family-help") in positions(r), phrase
    r = extract_text(extractor, "Ivo Grant said the family help teams were a plaster on the wall.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_an_idiom_of_barely_starting_objects(extractor):
    for phrase in ("will not scratch the surface", "won't scratch the surface", "only scratch the surface"):
        r = extract_text(extractor, f"Ivo Grant said the family help teams {phrase}.")
        assert ("ivo-grant", "object", "family-help") in positions(r), phrase
    r = extract_text(extractor, "Ivo Grant said the family help teams will change the surface.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_little_in_a_plan_objects_and_good_things_in_it_support(extractor):
    r = extract_text(extractor, "Ivo Grant said there is little in the family help plans to keep children safe.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said there is a lot in the family help plans to keep children safe.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said there are good things in the family help plans.")
    assert ("ivo-grant", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said there are things in the family help plans.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_an_actor_that_intends_a_proposal_backs_it(extractor):
    r = extract_text(extractor, "Ivo Grant said the Department for Education intends to introduce family help.")
    assert ("dfe", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said the Department for Education is aiming to introduce family help.")
    assert ("dfe", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said the Department for Education does not intend to introduce family help.")
    assert ("dfe", "support", "family-help") not in positions(r)


def test_a_reset_of_the_system_is_the_reform_and_of_another_system_is_not(extractor):
    """The taxonomy names a wholesale reset of the care system as the reform; a reset of some
    other system is not it."""
    for words in ("a fundamental reset of the children's social care system", "a whole system reset"):
        r = extract_text(extractor, f"Ivo Grant called for {words}.")
        assert ("ivo-grant", "support", "social-care-reform") in positions(r), words
    r = extract_text(extractor, "Ivo Grant called for a reset of the family's budget system.")
    assert ("ivo-grant", "support", "social-care-reform") not in positions(r)


def test_the_charity_is_the_organisation_that_just_spoke_not_one_its_words_named(extractor):
    """'The Carers Trust, which called on the Government to act, said ... The charity said ...': the
    charity is the trust that spoke, not the government its sentence named; with nobody speaking
    just before, a word for any organisation is still the one named last."""
    r = extract_text(extractor, "The Carers Trust, which called on the Government to act, said the plans were welcome. "
                                "The charity said the family help teams need more money.")
    assert ("carers-trust", "object", "family-help") in positions(r)
    assert ("uk-government", "object", "family-help") not in positions(r)
    r = extract_text(extractor, "The motion was proposed by the Carers Trust last year. "
                                "The charity said the family help teams need more money.")
    assert ("carers-trust", "object", "family-help") in positions(r)


def test_a_speakers_own_plans_are_backed(extractor):
    r = extract_text(extractor, "Ivo Grant said our plans for family help are on track.")
    assert ("ivo-grant", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said their plans for family help are on track.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_the_commons_education_committee_is_one_known_actor_by_its_several_names(extractor):
    for name in ("The Education Committee", "The Education Select Committee", "The House of Commons Education Committee"):
        r = extract_text(extractor, f"{name} said family help was welcome.")
        assert ("education-committee", "support", "family-help") in positions(r), name
    r = extract_text(extractor, "The Health Committee said family help was welcome.")
    assert ("education-committee", "support", "family-help") not in positions(r)


@pytest.mark.parametrize("key, names", [
    ("lords-public-services-committee", ("The Public Services Committee", "The Lords Public Services Committee")),
    ("public-accounts-committee", ("The Public Accounts Committee", "The Committee of Public Accounts")),
    ("joint-committee-on-human-rights", ("The Joint Committee on Human Rights", "The JCHR")),
    ("lords-constitution-committee", ("The Constitution Committee", "The House of Lords Constitution Committee")),
])
def test_parliamentary_committees_are_known_actors_by_their_several_names(extractor, key, names):
    """Select committees that report on the reforms are taxonomy actors, so a page that names one
    by its short name still gives the committee's position."""
    for name in names:
        r = extract_text(extractor, f"{name} said family help was welcome.")
        assert (key, "support", "family-help") in positions(r), name
    r = extract_text(extractor, "The Health Committee said family help was welcome.")
    assert (key, "support", "family-help") not in positions(r)


def test_he_after_an_organisations_act_is_the_person_who_spoke_before_it(extractor):
    """'Jane Smith said ... The government has accepted ... "...", he warned': he is Jane Smith, not
    the government; with no person speaking before, 'he' after an organisation is still its voice."""
    acts = "The government has accepted the recommendations, yet there is no plan for them. "
    r = extract_text(extractor, f"Jane Smith said family help was welcome. {acts}“I fear family help will fail”, he warned.")
    assert ("jane-smith", "object", "family-help") in positions(r)
    assert ("uk-government", "object", "family-help") not in positions(r)
    r = extract_text(extractor, "The Carers Trust said family help was welcome. “I fear family help will fail”, he warned.")
    assert ("carers-trust", "object", "family-help") in positions(r)


def test_idioms_of_a_clear_case_and_of_a_need_cried_out_for_support(extractor):
    for words in ("the case for family help could hardly be clearer", "councils are crying out for family help"):
        r = extract_text(extractor, f"Ivo Grant said {words}.")
        assert ("ivo-grant", "support", "family-help") in positions(r), words
    for words in ("the case for family help could hardly be made", "councils are crying out loud about family help"):
        r = extract_text(extractor, f"Ivo Grant said {words}.")
        assert ("ivo-grant", "support", "family-help") not in positions(r), words


def test_obscene_profits_are_objected_to(extractor):
    r = extract_text(extractor, "Ivo Grant said family help providers make obscene profits.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said family help providers make profits.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_a_curly_apostrophe_reads_as_a_straight_one_in_cue_phrases_and_negations(extractor):
    """Published pages write 'won’t' and 'can’t': the phrases and negators written with a straight
    apostrophe still match."""
    for words in ("won\u2019t work", "doesn\u2019t go far enough", "can\u2019t be a good thing for children"):
        r = extract_text(extractor, f"Jane Smith said family help {words}.")
        assert ("jane-smith", "object", "family-help") in positions(r), words
        assert ("jane-smith", "support", "family-help") not in positions(r), words
    r = extract_text(extractor, "Jane Smith said family help can be a good thing for children.")
    assert ("jane-smith", "object", "family-help") not in positions(r)


def test_an_actor_that_calls_for_a_proposal_in_anyones_sentence_backs_it(extractor):
    r = extract_text(extractor, "Jane Smith said the LGA has called for more family help.")
    assert ("lga", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Jane Smith said the LGA has not called for more family help.")
    assert ("lga", "support", "family-help") not in positions(r)


def test_news_verbs_of_condemnation_and_acclaim(extractor):
    for verb in ("condemned", "slammed", "blasted", "lambasted", "denounced", "decried", "deplored"):
        r = extract_text(extractor, f"Ivo Grant {verb} the family help plans.")
        assert ("ivo-grant", "object", "family-help") in positions(r), verb
    r = extract_text(extractor, "Ivo Grant branded the family help plans a betrayal.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant hailed the family help plans.")
    assert positions(r) == {("ivo-grant", "support", "family-help")}
    r = extract_text(extractor, "Ivo Grant studied the family help plans.")
    assert not {p for p in positions(r) if p[1] == "object"}


def test_a_clause_after_but_with_its_own_subject_takes_no_ground_from_before_it(extractor):
    """'A, but there are concerns about B': the objection is B's; what A says ('manage rising costs') is no
    ground of it. A clause after 'but' that shares A's subject keeps the whole sentence."""
    r = extract_text(extractor, "Ivo Grant said the family help teams are meant to manage rising costs, but there are "
                                "concerns about unqualified staff in the family help teams.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    assert ("ivo-grant", "object", "theme:funding") not in positions(r)
    r = extract_text(extractor, "Jo Bell said the family help teams will be staffed by unqualified workers but will "
                                "lead work where there are worries about safety.")
    (claim,) = [c for c in r.claims if c.speaker == "jo-bell"]
    assert claim.text.startswith("Jo Bell said") and "family-help" in claim.targets


TURN_OF_A_WITNESS = ("Committee evidence session on family help.\nJane Doe:\nI am here representing the Carers "
                     "Coalition, which includes several charities.\nThank you. Could you tell us your view?\nJane Doe:\n"
                     "{sentence}")


def test_the_body_a_witness_stands_for_is_the_witness_in_a_transcript_turn(extractor):
    """'The coalition welcomes ...' in Jane Doe's turn is Jane Doe's; the coalition named in full
    ('The Carers Coalition welcomes ...') is the coalition's."""
    r = extract_text(extractor, TURN_OF_A_WITNESS.format(sentence="The coalition welcomes the family help teams."))
    assert positions(r) == {("jane-doe", "support", "family-help")}
    r = extract_text(extractor, TURN_OF_A_WITNESS.format(
        sentence="The Carers Coalition welcomes the family help teams."))
    assert ("carers-coalition", "support", "family-help") in positions(r)


REVIEW_THEN_ITS_CHAIR = ("The Independent Review of Children's Social Care recommended new family help teams for every "
                         "council.\n\nThe review, led by Jo Bell, said {rest}")


def test_the_subject_that_speaks_is_not_what_the_claim_is_about(extractor):
    """'The review, led by Jo Bell, said these were welcome': 'the review' names who speaks; 'these'
    points to the teams named before."""
    r = extract_text(extractor, REVIEW_THEN_ITS_CHAIR.format(rest="these were welcome."))
    assert ("jo-bell", "support", "family-help") in positions(r)
    assert ("jo-bell", "support", "independent-review") not in positions(r)


def test_what_a_proposal_will_do_for_people_backs_it(extractor):
    r = extract_text(extractor, REVIEW_THEN_ITS_CHAIR.format(rest="these would give every family the support it needs."))
    assert ("jo-bell", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Jo Bell said the kinship allowance would not help grandparents.")
    assert ("jo-bell", "support", "kinship-care-support") not in positions(r)


def said_of_the_plan(extractor, words: str) -> set:
    """The positions argmap finds in 'Ivo Grant said the family help plan was <words>.'"""
    return positions(extract_text(extractor, f"Ivo Grant said the family help plan was {words}."))


def test_frustration_objects(extractor):
    for words in ("frustrating", "frustratingly slow", "a frustrated hope"):
        assert ("ivo-grant", "object", "family-help") in said_of_the_plan(extractor, words), words
    assert ("ivo-grant", "object", "family-help") not in said_of_the_plan(extractor, "far-sighted")


def test_drafting_or_bringing_back_a_named_plan_backs_it(extractor):
    """'the Government has drafted a national framework', 'has reintroduced the exemption clauses',
    'has renewed the adoption support fund': whoever drafts, brings back or renews a plan puts it
    forward; 'has read' it does not."""
    for verb, plan, target in (("drafted", "a national framework", "national-framework"),
                               ("reintroduced", "the exemption clauses", "power-to-innovate"),
                               ("renewed", "the adoption support fund", "adoption-support-fund")):
        r = extract_text(extractor, f"Ivo Grant said the Government has {verb} {plan}.")
        assert ("uk-government", "support", target) in positions(r), verb
    r = extract_text(extractor, "Ivo Grant said the Government has read a national framework.")
    assert ("uk-government", "support", "national-framework") not in positions(r)


def test_urgency_and_top_priority_support(extractor):
    """'the need for X is urgent', 'X is a top priority': the speaker backs X; 'X is not urgent' does not."""
    for words in ("the need for the family help plan is urgent", "the family help plan is a top priority"):
        r = extract_text(extractor, f"Ivo Grant said {words}.")
        assert ("ivo-grant", "support", "family-help") in positions(r), words
    r = extract_text(extractor, "Ivo Grant said the family help plan is not urgent.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_words_of_praise_support(extractor):
    """'superb', 'impressive', 'admirable', 'commendable' said of a plan back it; 'unremarkable' does not."""
    for word in ("superb", "impressive", "admirable", "commendable"):
        assert ("ivo-grant", "support", "family-help") in said_of_the_plan(extractor, word), word
    assert ("ivo-grant", "support", "family-help") not in said_of_the_plan(extractor, "unremarkable")


@pytest.mark.parametrize("word", ["disastrous", "reckless", "paltry", "meagre", "ill-conceived", "toothless",
                                  "watered-down", "cynical", "insulting", "regressive", "counterproductive", "unjust",
                                  "muddled", "wrongheaded"])
def test_words_of_condemnation_object(extractor, word):
    """A plan called disastrous, paltry, toothless ... is objected to."""
    assert ("ivo-grant", "object", "family-help") in said_of_the_plan(extractor, word), word


def test_words_of_condemnation_object__near_miss(extractor):
    """A plan called well-timed is not objected to."""
    assert ("ivo-grant", "object", "family-help") not in said_of_the_plan(extractor, "well-timed")


def test_uncertainty_objects(extractor):
    """'There is uncertainty about how X will work', 'it is less clear how X will work', like 'it is
    unclear', object to X; certainty does not."""
    for words in ("There is great uncertainty about how the family help plan will work",
                  "It is uncertain how the family help plan will work",
                  "It is less clear how the family help plan will work"):
        r = extract_text(extractor, f"Ivo Grant said: \u201c{words}.\u201d")
        assert ("ivo-grant", "object", "family-help") in positions(r), words
    r = extract_text(extractor, "Ivo Grant said: \u201cThere is certainty about how the family help plan will work.\u201d")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_a_missed_opportunity_objects(extractor):
    for phrase in ("a missed opportunity", "a wasted opportunity", "a lost opportunity"):
        assert ("ivo-grant", "object", "family-help") in said_of_the_plan(extractor, phrase), phrase
    assert ("ivo-grant", "object", "family-help") not in said_of_the_plan(extractor, "an opportunity")


def test_an_omission_objects(extractor):
    for phrase in ("Kinship care has not been considered in", "Kinship care has not been addressed in",
                   "Kinship care is overlooked in", "There is no mention of kinship care in",
                   "There is no reference to kinship care in", "There is little reference to kinship care in"):
        r = extract_text(extractor, f"Ivo Grant said: \u201c{phrase} the family help plan.\u201d")
        assert ("ivo-grant", "object", "family-help") in positions(r), phrase
    r = extract_text(extractor, "Ivo Grant said: \u201cKinship care has been considered in the family help plan.\u201d")
    assert ("ivo-grant", "object", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said: \u201cThere is a reference to kinship care in the family help plan.\u201d")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_faint_praise_as_far_as_it_goes_supports(extractor):
    r = extract_text(extractor, "Ivo Grant said the family help teams were fine as far as it goes, but warned that "
                                "they would fail.")
    assert {("ivo-grant", "support", "family-help"), ("ivo-grant", "object", "family-help")} <= positions(r)
    r = extract_text(extractor, "Ivo Grant said the family help teams would go far, but warned that they would fail.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)


def test_a_plural_document_word_is_not_the_debates_one_document(extractor):
    text = ("Peers debated children's services on Monday.\n\nRosa Finch (Lab)\n\nMy Lords, we need to ensure that "
            "investment is there, but we have to get to the point where we are investing money to prevent harm rather "
            "than to just pay the costly bills when things have got to acute status.")
    r = extract_text(extractor, text)
    assert r.claims and not [c for c in r.claims if "childrens-wellbeing-schools-bill" in c.targets]
    r = extract_text(extractor, text.replace("children's services", "the Children's Wellbeing and Schools Bill"))
    assert not [c for c in r.claims if "childrens-wellbeing-schools-bill" in c.targets and "costly" in c.stance_cues]
    r = extract_text(extractor, "Ivo Grant said the bill was costly.")
    assert ("ivo-grant", "object", "childrens-wellbeing-schools-bill") in positions(r)


def test_long_awaited_describes_and_supporting_students_is_a_service(extractor):
    r = extract_text(extractor, "Ivo Grant said the long-awaited family help teams start in May.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said the family help teams will train and support students.")
    assert ("ivo-grant", "support", "family-help") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said the family help teams were welcome.")
    assert ("ivo-grant", "support", "family-help") in positions(r)


def test_a_clause_without_a_target_takes_its_siblings(extractor):
    r = extract_text(extractor, "Sgt Ali Noor said the force backed the multi-agency child protection teams but "
                                "was not convinced it could staff them.")
    assert ("ali-noor", "object", "multi-agency-child-protection-teams") in positions(r)


def test_for_someone_introduces_their_view(extractor):
    r = extract_text(extractor, "For Dee Hart, who runs a youth offending team, the new family help teams are "
                                "the most hopeful development in years.")
    assert ("dee-hart", "support", "family-help") in positions(r)


def test_what_an_organisation_presses_for_is_its_target_before_context(extractor):
    text = ("Nothing in the Bill explains how disabled children will be protected.\n"
            "We are calling on the government to place a legal duty on councils to provide short breaks.")
    r = extract_text(extractor, text, author="Kite Trust", genre="opinion")
    pressed = [c for c in r.claims if c.stance.value == "support"]
    assert pressed and pressed[0].targets[0].startswith("candidate-")


def test_a_group_such_as_a_named_person_speaks_through_them(extractor):
    r = extract_text(extractor, "Campaigners such as Mina Ruel of Rights4Kids believed the family help plans "
                                "threatened children's legal protections.")
    assert ("mina-ruel", "object", "theme:legal-protections") in positions(r)


def test_a_pronoun_subject_is_the_nearest_thing_named(extractor):
    text = ("I am less persuaded by the plan for regional care co-operatives.\n\n"
            "The reforms are right to look first to families. They will only succeed if the money follows the "
            "children.")
    r = extract_text(extractor, text, author="Ivo Grant", genre="opinion")
    assert ("ivo-grant", "object", "social-care-reform") in positions(r)


def test_a_plan_belongs_to_whoever_owns_it(extractor):
    r = extract_text(extractor, "We welcome the government's commitment that every care leaver will keep a "
                                "personal adviser until 25.", author="Harbour Trust", genre="opinion")
    assert ("uk-government", "support", "care-leaver-support") in positions(r)


def test_a_quotation_after_someone_is_introduced_is_theirs(extractor):
    text = ("Nell Ives, 20, is one of our young ambassadors. \u201cMy adviser stayed with me for years. "
            "Every care leaver should get someone like that.\u201d")
    r = extract_text(extractor, text)
    assert ("nell-ives", "support", "care-leaver-support") in positions(r)


def test_wanting_something_to_succeed_backs_it(extractor):
    r = extract_text(extractor, "\u201cThese reforms are a serious attempt and we want them to succeed,\u201d said "
                                "Dan Moor, chief executive of Hearthside.")
    assert ("dan-moor", "support", "social-care-reform") in positions(r)


def test_one_word_person_takes_the_first_name_before_it(extractor):
    r = extract_text(extractor, "Detective Superintendent Anjali Rao leads public protection for Vale Police. "
                                "She backs the multi-agency child protection teams.")
    assert ("anjali-rao", "support", "multi-agency-child-protection-teams") in positions(r)


def test_she_is_the_person_who_opened_the_sentence(extractor):
    text = ("Dr Kim Lowe says the teams are working well.\n\n"
            "Yvonne Ash chairs a parent forum, and she fears the multi-agency child protection teams will treat "
            "exhausted parents as a risk.")
    r = extract_text(extractor, text)
    assert ("yvonne-ash", "object", "multi-agency-child-protection-teams") in positions(r)


def test_the_cap_points_back_to_the_policy_in_the_headline(extractor):
    text = ("Councils will be barred from paying more than a set hourly rate for agency staff.\n\n"
            "Jo Rees, a director of children's services, welcomed the cap.")
    r = extract_text(extractor, text, title="Agency social workers face pay cap")
    mine = [c for c in r.claims if c.speaker == "jo-rees"]
    assert mine and mine[0].stance.value == "support" and mine[0].targets == ("candidate-pay-cap",)


def test_a_spokesperson_speaks_for_the_organisation_just_heard(extractor):
    text = ("The Department for Education said the rules were fair.\n"
            "A spokesperson added that the early career framework would give new social workers time to learn.")
    r = extract_text(extractor, text)
    assert ("dfe", "support", "social-worker-training") in positions(r)


def test_a_report_that_names_no_proposal_is_about_the_one_its_opening_describes(extractor):
    text = ("Relatives will meet an independent co-ordinator before any council goes to court, "
            "so that grandparents and the wider family can agree their own plan.\n\n"
            "The funding is modest.\n\n"
            "Pat Crewe, a solicitor, said the rules were welcome.")
    r = extract_text(extractor, text)
    assert ("pat-crewe", "support", "family-group-decision-making") in positions(r)


def test_taxonomy_topic_needs_three_keywords_and_a_clear_winner(taxonomy):
    assert taxonomy.topic_of("relatives meet grandparents and the wider family to agree a plan") == \
        "family-group-decision-making"
    assert taxonomy.topic_of("a plan was agreed") is None


def test_a_peer_is_named_by_title_and_surname(extractor):
    r = extract_text(extractor, "Baroness Tilby said the profit cap was long overdue. Tilby added that "
                                "councils had waited too long.")
    names = {a.id: a.name for a in r.actors}
    assert names.get("baroness-tilby") == "Baroness Tilby"
    assert all(c.speaker == "baroness-tilby" for c in r.claims)


def test_an_organisation_signing_a_statement_in_its_own_voice_is_its_speaker(extractor):
    text = ("We do not object to multi-agency child protection teams.\n\n"
            "We are uneasy about a single number for every child.")
    r = extract_text(extractor, text, author="Parents Together Network")
    got = positions(r)
    assert ("parents-together-network", "support", "multi-agency-child-protection-teams") in got
    assert ("parents-together-network", "object", "unique-child-identifier") in got


def test_a_claim_that_names_no_proposal_but_uses_its_words(extractor):
    r = extract_text(extractor, "Tess Ward said she strongly supported the new duty on councils to bring the "
                                "wider family together and agree a plan before going to court.")
    assert ("tess-ward", "support", "family-group-decision-making") in positions(r)


def test_interview_answers_are_the_interviewees(extractor):
    text = ("Interview by Tom Lake\n\n"
            "Rosa Finch, the MP for Eastvale, grew up in care and now sits on the education committee.\n\n"
            "**How do you feel about the bill?**\n\n"
            "I think it is the best thing to happen to children in care in my lifetime.\n\n"
            "**And the new duties towards care leavers?**\n\n"
            "I welcome them. My own adviser had forty young people to ring.\n\n"
            "**What about adoption targets?**\n\n"
            "I'm wary of any drive to push adoption numbers up for their own sake.")
    r = extract_text(extractor, text, title="Rosa Finch on the bill")
    got = positions(r)
    assert ("rosa-finch", "support", "care-leaver-support") in got
    assert ("rosa-finch", "object", "adoption-drive") in got
    assert not any(s == "tom-lake" for s, _, _ in got)


def test_a_line_that_is_only_an_organisations_name_does_not_hang(extractor):
    """Regression: a name that is its sentence's root used to loop for ever while the writer of a
    'we' text was looked for (Token.head of the root is a new object equal to the root)."""
    import signal

    def give_up(signum, frame):
        raise TimeoutError("extraction did not finish in 30 s")

    old = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)
    try:
        r = extract_text(extractor, "Department for Education\n\nWe welcome the plans for family help. "
                                    "We are concerned about funding for councils.")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert r.claims


# ---------------------------------------------------------------- the publisher's own voice
WE_STATEMENT = ("New family help services were announced by the government on Monday.\n\n"
                "We welcome the new family help services. We fear the funding is not enough to reach every family.")


def test_a_we_statement_on_an_organisations_own_site_is_its_own(extractor):
    r = extract_text(extractor, WE_STATEMENT, url="https://www.nspcc.org.uk/about-us/news-opinion/2025/response/")
    assert ("nspcc", "support", "family-help") in positions(r)
    assert ("nspcc", "object", "theme:funding") in positions(r)


MEMBER_SPEECH = ("Rosa Finch spoke in the debate on the Family Courts Bill.\n\n"
                 "It is a pleasure to speak today. We welcome the new family help services, "
                 "as the hon. Member for Westvale (Tom Lake) said, but we fear the funding is not enough.")


def test_a_page_filed_under_one_member_is_that_members_speech(extractor):
    """'/mp/rosa-finch/debate/...': the member the address files the page under speaks its 'we'."""
    r = extract_text(extractor, MEMBER_SPEECH, outlet="Hansard Mirror",
                     url="https://hansard-mirror.example.net/mp/rosa-finch/debate/2025-01-01/family-courts")
    assert ("rosa-finch", "support", "family-help") in positions(r)
    assert ("rosa-finch", "object", "theme:funding") in positions(r)


def test_a_page_filed_under_two_members_is_nobodys_speech(extractor):
    r = extract_text(extractor, MEMBER_SPEECH, outlet="Hansard Mirror",
                     url="https://hansard-mirror.example.net/mp/rosa-finch/vs/tom-lake/2025")
    assert not [c for c in r.claims if c.speaker == "rosa-finch"]


def test_as_someone_said_in_the_writers_sentence_is_agreement(extractor):
    """'We believe, as X said, that ...': the writer speaks, X holds the same view."""
    text = "We believe, as Tom Lake said, that the new family help services are a good thing."
    r = extract_text(extractor, text, author="Rosa Finch", genre="opinion")
    assert ("rosa-finch", "support", "family-help") in positions(r)
    assert ("tom-lake", "support", "family-help") in positions(r)
    r = extract_text(extractor, "As Tom Lake said, the new family help services are a good thing.",
                     author="Rosa Finch", genre="opinion")
    assert ("rosa-finch", "support", "family-help") not in positions(r)


def test_the_outlet_named_in_front_matter_is_the_we_of_its_page(extractor):
    r = extract_text(extractor, WE_STATEMENT, outlet="the NSPCC")
    assert ("nspcc", "support", "family-help") in positions(r)


def test_an_outlet_the_taxonomy_does_not_know_speaks_for_nobody(extractor):
    """Aggregators, magazines and mirrors say 'we' too: only a known actor is a publisher."""
    r = extract_text(extractor, WE_STATEMENT, outlet="Hearthside Trust", url="https://hearthside.example.org/news")
    assert not any("hearthside" in c.speaker for c in r.claims)


def test_an_unknown_outlet_that_names_itself_in_its_page_is_its_we(extractor):
    """An organisation's own page names it in the third person and speaks as 'we'."""
    text = ("New family help services were announced by the government on Monday.\n\n"
            "Hearthside Trust has set up a panel of carers. We welcome the new family help services.")
    r = extract_text(extractor, text, outlet="Hearthside Trust")
    assert ("hearthside-trust", "support", "family-help") in positions(r)
    r = extract_text(extractor, text.replace("Hearthside Trust has set up", "The council has set up"),
                     outlet="Hearthside Trust")
    assert not any("hearthside" in c.speaker for c in r.claims)


SELF_DESCRIBED = ("Hearthside Trust is a charity for young carers in the north of England.\n\n"
                  "Hearthside Trust today sets out its response to the plans. We welcome the new family "
                  "help services. We hope every council will offer them.")
DISCUSSED_BODY = ("The Department for Education has published its strategy for children's social care.\n\n"
                  "The Department for Education says the strategy will change care. We welcome the new "
                  "family help services. We hope every council will offer them.")


def test_a_page_without_front_matter_that_describes_its_organisation_is_its_we(extractor):
    """No byline or outlet: the organisation the page names most and describes ('is a charity')
    speaks its 'we' sentences."""
    r = extract_text(extractor, SELF_DESCRIBED)
    assert ("hearthside-trust", "support", "family-help") in positions(r)


def test_a_page_headed_by_an_organisations_name_alone_is_its_we(extractor):
    """A letterhead: the organisation's name as the page's only heading, then 'we'."""
    r = extract_text(extractor, "British Association of Social Workers\n\nWe welcome the new family help "
                                "services. We hope every council will offer them.")
    assert ("basw", "support", "family-help") in positions(r)
    r = extract_text(extractor, "What the British Association of Social Workers told MPs\n\nWe welcome the new "
                                "family help services. We hope every council will offer them.")
    assert not any(c.speaker == "basw" for c in r.claims)


def test_an_organisation_on_a_line_above_a_letters_greeting_is_its_recipient(extractor):
    """The organisation named alone on a line above 'Dear Minister,' is the address the letter goes
    to, not a letterhead: its 'we' sentences are not that organisation's."""
    letter = ("Open letter on family help\n\nBritish Association of Social Workers\n\nDear Jo Bell,\n\n"
              "We welcome the new family help services. We hope every council will offer them.")
    r = extract_text(extractor, letter)
    assert not any(c.speaker == "basw" for c in r.claims)
    r = extract_text(extractor, letter.replace("Dear Jo Bell,\n\n", ""))  # no greeting: a letterhead
    assert ("basw", "support", "family-help") in positions(r)


THIRD_PERSON_PAGE = ("New family help services were announced on Monday.\n\nHearthside Trust believes the "
                     "new family help services are a good start. Hearthside Trust argues that every council "
                     "should offer them. The funding is not enough to reach every family.")


def test_an_organisations_own_page_in_the_third_person_is_its_voice(extractor):
    """'X welcomes ... X believes ...' in the present tense, nobody else speaking: X's statement,
    so its other sentences are X's too."""
    r = extract_text(extractor, THIRD_PERSON_PAGE)
    assert ("hearthside-trust", "object", "theme:funding") in positions(r)


def test_a_report_of_what_an_organisation_said_is_not_its_page(extractor):
    """'X said ...' is a report: the reporter's other sentences are not X's; nor on a page whose
    writer speaks as 'I'."""
    r = extract_text(extractor, THIRD_PERSON_PAGE.replace("believes", "said").replace("argues", "said"))
    assert ("hearthside-trust", "object", "theme:funding") not in positions(r)
    r = extract_text(extractor, THIRD_PERSON_PAGE + " I have seen families wait for a year.")
    assert ("hearthside-trust", "object", "theme:funding") not in positions(r)


def test_a_body_a_page_only_reports_on_is_not_its_we(extractor):
    """The department whose strategy the page discusses is named most, but never described as
    what the writer is: the 'we' stays unattributed rather than become the department's."""
    r = extract_text(extractor, DISCUSSED_BODY)
    assert not any(c.speaker == "dfe" and c.rule.startswith("author") for c in r.claims)


MEMBER_PAGE = ("The Family Courts Bill was introduced on Monday to speed up family hearings.\n\n"
               "I have supported family help from the start and I will vote for more of it.")


def test_an_elected_members_own_site_speaks_as_its_i(extractor):
    """An outlet named 'Name MP' is that member's site: its 'I' is the member."""
    r = extract_text(extractor, MEMBER_PAGE, outlet="Rosa Pell MP")
    assert ("rosa-pell", "support", "family-help") in positions(r)
    r = extract_text(extractor, MEMBER_PAGE, outlet="Rosa Pell Weekly")
    assert not any("rosa" in c.speaker for c in r.claims)


SIGNED = ("Dear Minister,\n"
          "We welcome the new family help services and we urge you to fund them in every council.\n"
          "Yours sincerely,\n"
          "Hearthside Trust\n"
          "Northfold Carers Alliance\n")


def test_every_signatory_of_a_letter_holds_its_positions(extractor):
    r = extract_text(extractor, SIGNED)
    assert ("hearthside-trust", "support", "family-help") in positions(r)
    assert ("northfold-carers-alliance", "support", "family-help") in positions(r)
    r = extract_text(extractor, SIGNED.replace("Yours sincerely,", "Read more:"))
    assert not any(c.speaker in {"hearthside-trust", "northfold-carers-alliance"} for c in r.claims)


def test_a_quotation_left_open_ends_in_the_next_paragraph_that_closes_it(extractor):
    """An unclosed quotation whose next paragraph ends with a closing mark (and opens none) runs on."""
    text = ("Jo Rees, chief executive of the Hearthside Trust, said: \u201cWe have waited a long time.\n\n"
            "\u201cThe families we work with need help now.\n\n"
            "We oppose the new family help teams.\u201d\n")
    r = extract_text(extractor, text)
    assert ("jo-rees", "object", "family-help") in positions(r)
    r = extract_text(extractor, text.replace("teams.\u201d", "teams."))
    assert ("jo-rees", "object", "family-help") not in positions(r)


def test_an_outlet_named_as_an_actor_outranks_the_shared_site_it_is_on(extractor):
    """A body's page on a government-wide site ('Ofsted' on www.gov.uk) speaks for the body, not
    for the government the site is listed under; without the outlet, for the site's owner."""
    url = "https://www.gov.uk/government/publications/our-response"
    r = extract_text(extractor, WE_STATEMENT, outlet="Ofsted", url=url)
    assert {c.speaker for c in r.claims if c.rule.startswith("author")} == {"ofsted"}
    r = extract_text(extractor, WE_STATEMENT, url=url)
    assert {c.speaker for c in r.claims if c.rule.startswith("author")} == {"uk-government"}


def test_a_title_naming_the_possessor_of_a_response_names_the_author(extractor):
    """'Ofsted's response to the consultation' over a 'we' text: Ofsted's own response, though the
    possessive elsewhere marks someone discussed; a response to a named body's plan is not theirs."""
    text = "Ofsted's response to the family help consultation\n\n" + WE_STATEMENT
    assert ("ofsted", "support", "family-help") in positions(extract_text(extractor, text))
    text = "A response to Ofsted's family help consultation\n\n" + WE_STATEMENT
    assert ("ofsted", "support", "family-help") not in positions(extract_text(extractor, text))
    text = "Jo Rees shares her views on Ofsted's response to the family help consultation\n\n" + WE_STATEMENT
    assert not any(c.speaker == "ofsted" for c in extract_text(extractor, text).claims)  # a response talked about


def test_a_page_on_an_unknown_site_has_no_publisher_voice(extractor):
    r = extract_text(extractor, WE_STATEMENT, url="https://www.example-news.co.uk/2025/family-help")
    assert not any(c.speaker == "nspcc" for c in r.claims)
    assert ("nspcc", "support", "family-help") not in positions(r)


def test_a_publisher_reporting_in_the_third_person_speaks_for_nobody(extractor):
    text = ("New family help services were announced by the government on Monday.\n\n"
            "Councils said the family help services would be welcome but the funding was not enough.")
    r = extract_text(extractor, text, url="https://www.nspcc.org.uk/about-us/news-opinion/2025/report/")
    assert not any(c.speaker == "nspcc" for c in r.claims)


def test_a_byline_outranks_the_publisher(extractor):
    r = extract_text(extractor, WE_STATEMENT, author="Jo Rees", genre="opinion",
                     url="https://www.nspcc.org.uk/about-us/news-opinion/2025/blog/")
    assert ("jo-rees", "support", "family-help") in positions(r)
    assert not any(c.speaker == "nspcc" for c in r.claims)


def test_an_interview_said_so_after_a_long_biography_still_gives_the_answers(extractor):
    text = ("\u2018Families come first\u2019: Josie Marlow\n"
            "Josie Marlow was appointed minister for children in May.\n"
            "She trained as a teacher in Leeds.\n"
            "She later ran a youth charity for ten years.\n"
            "She then chaired a council scrutiny panel.\n"
            "She was elected to Parliament in 2024.\n"
            "She lives in Hull with her family.\n"
            "She is known for her work on school meals.\n"
            "Here she speaks to us about her plans for children and families.\n"
            "What is your first priority?\n"
            "I want to strengthen family help in every council, and I will fund it properly.\n")
    r = extract_text(extractor, text)
    assert ("josie-marlow", "support", "family-help") in positions(r)


def test_a_quoting_sentence_between_two_of_one_speaker_is_theirs(extractor):
    text = ("Jo Rees, chief executive of the Hearthside Trust, welcomed the family help plan.\n\n"
            "However, the plan needs \u201cfar more funding than councils have been promised\u201d. "
            "She warned that families would otherwise wait.")
    r = extract_text(extractor, text)
    assert ("jo-rees", "object", "theme:funding") in positions(r)


def test_a_quoting_sentence_after_another_speaker_stays_unattributed(extractor):
    text = ("Jo Rees, chief executive of the Hearthside Trust, welcomed the family help plan.\n\n"
            "However, the plan needs \u201cfar more funding than councils have been promised\u201d. "
            "Sam Hale, a councillor, warned that families would otherwise wait.")
    r = extract_text(extractor, text)
    assert ("jo-rees", "object", "theme:funding") not in positions(r)


def test_a_saved_web_page_names_its_publisher_by_its_address(extractor, tmp_path):
    """An HTML page's og:url on a site the taxonomy lists gives its 'we' to that actor."""
    from argmap.corpus import read_document

    page = tmp_path / "response.html"
    page.write_text(
        "<html><head><title>Our response</title>"
        '<meta property="og:url" content="https://www.nspcc.org.uk/about-us/news-opinion/2025/response/">'
        "</head><body><h1>Our response to the plans</h1>"
        "<p>New family help services were announced by the government on Monday.</p>"
        "<p>We welcome the new family help services. We fear the funding is not enough to reach every family.</p>"
        "</body></html>", encoding="utf-8")
    document = read_document(page)
    assert document.url.startswith("https://www.nspcc.org.uk/")
    r = next(iter(extractor.extract([document])))
    assert ("nspcc", "support", "family-help") in positions(r)


def test_what_a_published_work_includes_is_its_publishers_proposal(extractor):
    text = ("The Hearthside Trust published its report on Monday.\n\n"
            "The report includes family help teams in every council.")
    r = extract_text(extractor, text)
    assert ("hearthside-trust", "support", "family-help") in positions(r)


def test_a_work_nobody_is_shown_publishing_puts_nothing_forward(extractor):
    text = ("Critics said a minister had published a report on Monday.\n\n"
            "The report includes family help teams in every council.")
    r = extract_text(extractor, text)
    assert not any(c.stance.value == "support" and "family-help" in c.targets for c in r.claims)


@pytest.mark.parametrize("wording", ["needs further clarification", "needs further detail",
                                     "needs further exploration"])
def test_asking_for_further_detail_objects(extractor, wording):
    """Asking for more detail on a proposal is a criticism of it."""
    r = extract_text(extractor, f"Mira Tolan said the unique child identifier {wording}.")
    assert ("mira-tolan", "object", "unique-child-identifier") in positions(r)


def test_a_sentence_spelling_out_a_welcome_is_support(extractor):
    """'There is much to welcome. This includes early help': the second sentence backs early help."""
    text = ("The Harbour Trust said: \u201cThere is much to welcome in the plans for children's social care. "
            "This includes the focus on early help.\u201d")
    r = extract_text(extractor, text)
    assert any(c.stance.value == "support" and "family-help" in c.targets and "elaborates" in c.rule for c in r.claims)


def test_an_organisation_trialling_a_proposal_in_someone_elses_quotation_backs_it(extractor):
    r = extract_text(extractor, "Ruth Amble said: \u201cThe government is trialling family help in ten areas.\u201d")
    assert ("uk-government", "support", "family-help") in positions(r)


def test_money_backing_a_plan_is_no_verdict(extractor):
    """'backed with investment' says how a plan is paid for, not that anyone backs it."""
    r = extract_text(extractor, "Lena Voss said the family help plan is backed with new investment.")
    assert ("lena-voss", "support", "family-help") not in positions(r)
    near = extract_text(extractor, "Lena Voss said the family help plan is backed by councils.")
    assert ("lena-voss", "support", "family-help") in positions(near)


def test_a_wish_for_what_is_missing_objects(extractor):
    """'we would have liked to see more on X': what the plan lacks is a criticism of it."""
    r = extract_text(extractor, "Mira Tolan said she would have liked to see more funding for family help.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said she would like to see more funding for family help.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_page_furniture_is_no_opening(extractor):
    """'Trending now.' and 'Share this story.' before the story are not its opening: the reforms the story
    then speaks of are the document its first prose paragraphs name."""
    text = ("Trending now.\n\nShare this story.\n\n"
            "The government published the Stable Homes, Built on Love strategy for children's social care today.\n\n"
            "Councils said the strategy would take years to deliver.\n\n"
            "Mira Tolan said the reforms were badly underfunded.")
    r = extract_text(extractor, text)
    assert ("mira-tolan", "object", "stable-homes-strategy") in positions(r)


def test_taking_a_proposal_forward_backs_it_and_a_loose_outline_objects(extractor):
    r = extract_text(extractor, "Mira Tolan said the council is taking forward family help in every ward.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Mira Tolan said family help is very loosely outlined in the plan.")
    assert ("mira-tolan", "object", "family-help") in positions(r)


def test_an_organisation_and_its_initials_are_one_actor(extractor):
    text = ("The Northfold Care Trust said family help was welcome. "
            "NCT also warned that the unique child identifier was rushed.")
    r = extract_text(extractor, text)
    speakers = {c.speaker for c in r.claims}
    assert "northfold-care-trust" in speakers and "nct" not in speakers


def test_moves_us_forward_but_not_far_enough_is_both(extractor):
    r = extract_text(extractor, "Mira Tolan said: \u201cThe family help plan moves us forward - but not far enough.\u201d")
    got = positions(r)
    assert ("mira-tolan", "support", "family-help") in got and ("mira-tolan", "object", "family-help") in got


@pytest.mark.parametrize("wording", ["she would like to see swifter action on it",
                                     "she is impatient for more urgency"])
def test_asking_for_more_pace_objects(extractor, wording):
    """'helpful, though we'd like to see swifter action': the pace of a proposal is a criticism of it."""
    r = extract_text(extractor, f"Mira Tolan said family help is helpful, though {wording}.")
    got = positions(r)
    assert ("mira-tolan", "support", "family-help") in got and ("mira-tolan", "object", "family-help") in got


def test_a_taxonomy_persons_surname_alone_is_that_person():
    """A person the taxonomy knows, named in full and then by surname alone, is one actor (the
    water taxonomy lists people; the children's social care one lists none)."""
    from pathlib import Path

    from argmap.build import Extractor

    import argmap

    water = Path(argmap.__file__).parent / "data" / "water_industry.toml"
    text = ("Adrian Montague spoke at the conference on Monday about sewage. "
            "Later, Montague said that he welcomed the bonus ban for water bosses.")
    r = extract_text(Extractor(taxonomy=str(water), pipeline=None), text)
    assert {c.speaker for c in r.claims} == {"adrian-montague"}


def test_pressing_for_in_the_plain_form_supports(extractor):
    r = extract_text(extractor, "Ivo Grant said carers would campaign for a kinship allowance.")
    assert ("ivo-grant", "support", "kinship-care-support") in positions(r)
    r = extract_text(extractor, "Ivo Grant said carers would talk about a kinship allowance.")
    assert ("ivo-grant", "support", "kinship-care-support") not in positions(r)


def test_a_named_writer_telling_their_own_story_speaks_in_their_own_voice(extractor):
    """A page by a named writer (a byline) that speaks as 'I' outside quotations is the writer's own
    voice: their unattributed sentences are theirs. A page that only quotes someone's 'I' is not."""
    text = ("I raised my nephew for five years before anyone helped. I have seen what kinship carers go through.\n\n"
            "Kinship carers deserve a proper allowance and we welcome support for kinship carers.")
    r = extract_text(extractor, text, author="Ada Quill")
    assert ("ada-quill", "support", "kinship-care-support") in positions(r)
    quoted = ("\u201cI raised my nephew for five years. I have seen what kinship carers go through,\u201d one carer said.\n\n"
              "Kinship carers deserve a proper allowance and we welcome support for kinship carers.")
    r = extract_text(extractor, quoted, author="Ada Quill")
    assert ("ada-quill", "support", "kinship-care-support") not in positions(r)


def test_evading_objects(extractor):
    r = extract_text(extractor, "Ivo Grant said ministers were evading their duties on the family help teams.")
    assert ("ivo-grant", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Ivo Grant said ministers were reading their duties on the family help teams.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)


def test_standing_against_objects(extractor):
    """'we should stand against X' objects to X; it is no recommendation of it."""
    r = extract_text(extractor, "Ivo Grant said we should stand against profiteering by care providers.")
    assert ("ivo-grant", "object", "private-provision") in positions(r)
    assert ("ivo-grant", "support", "private-provision") not in positions(r)
    r = extract_text(extractor, "Ivo Grant said we should stand beside the care providers.")
    assert ("ivo-grant", "object", "private-provision") not in positions(r)


@pytest.mark.parametrize("word", ["intolerable", "eye-watering", "extortionate", "exorbitant"])
def test_words_of_outrage_at_a_cost_object(extractor, word):
    r = extract_text(extractor, f"Ivo Grant said the profiteering of private providers was {word}.")
    assert ("ivo-grant", "object", "private-provision") in positions(r)


def test_a_plain_description_of_a_cost_objects_to_nothing(extractor):
    r = extract_text(extractor, "Ivo Grant said the profiteering of private providers was tolerable.")
    assert ("ivo-grant", "object", "private-provision") not in positions(r)


@pytest.mark.parametrize("verb", ["strengthen", "improve", "protect"])
def test_what_a_named_plan_would_do_for_others_backs_it(extractor, verb):
    """'the kinship allowance would strengthen life for grandparents': said of the plan, it backs it."""
    r = extract_text(extractor, f"Ivo Grant said the kinship allowance would {verb} life for grandparents.")
    assert ("ivo-grant", "support", "kinship-care-support") in positions(r)
    r = extract_text(extractor, "Ivo Grant said the kinship allowance would reach grandparents next year.")
    assert ("ivo-grant", "support", "kinship-care-support") not in positions(r)


def test_the_general_reforms_name_as_a_verb_on_one_thing_is_a_reform_of_that_thing(extractor):
    """'the pledge to reform foster care' is no position on the reform of children's social care as
    a whole; 'the pledge to reform children's social care' is."""
    r = extract_text(extractor, "Ivo Grant said the pledge to reform foster care in England was welcome.")
    assert ("ivo-grant", "support", "social-care-reform") not in positions(r)
    for whole in ("children's social care in England", "the system"):
        r = extract_text(extractor, f"Ivo Grant said the pledge to reform {whole} was welcome.")
        assert ("ivo-grant", "support", "social-care-reform") in positions(r)


def test_an_amount_of_money_is_no_candidate_proposal(extractor):
    """'backed by tens of millions of pounds' names money, not a policy."""
    r = extract_text(extractor, "Ivo Grant welcomed plans backed by tens of millions of pounds.")
    assert not any(t.startswith("candidate-") for _, _, t in positions(r))
    r = extract_text(extractor, "Ivo Grant welcomed plans backed by a national fostering taskforce.")
    assert ("ivo-grant", "support", "candidate-national-fostering-taskforce") in positions(r)


@pytest.mark.parametrize("party, key", [("Labour", "labour-party"), ("The Conservatives", "conservative-party"),
                                        ("The Lib Dems", "liberal-democrats"), ("The Treasury", "hm-treasury")])
def test_parties_and_the_treasury_are_known_actors(extractor, party, key):
    """'Labour has condemned the family help plan': the party speaks (a taxonomy actor)."""
    r = extract_text(extractor, f"{party} has condemned the family help plan.")
    assert (key, "object", "family-help") in positions(r)
    r = extract_text(extractor, "Labour shortages have condemned the family help plan.")
    assert not any(s == "labour-party" for s, _, _ in positions(r))


def test_the_chancellor_alone_is_a_role_no_actor(extractor):
    """'The Chancellor said ...' names a role, not an actor called 'Chancellor'; a named chancellor
    is an actor."""
    r = extract_text(extractor, "The Chancellor said the family help teams were welcome.")
    assert not any(c.speaker == "chancellor" for c in r.claims)
    r = extract_text(extractor, "Chancellor Ada Lorne said the family help teams were welcome.")
    assert ("ada-lorne", "support", "family-help") in positions(r)


def test_signalling_is_saying(extractor):
    r = extract_text(extractor, "Ivo Grant signalled that the council would back the family help teams.")
    assert any(p[0] == "ivo-grant" for p in positions(r))


def test_a_we_page_is_not_by_the_body_it_lobbies_in(extractor):
    """A page that speaks as 'we' and never names itself is not by the organisation it mentions
    only as a place or an object ('pressing for changes in the House of Lords'); named beside
    'we' ('We at the Northfold Trust'), the organisation is the writer."""
    body = ("We have campaigned for better support for kinship carers for years. We will keep pressing for "
            "these changes in the House of Lords next week. We welcome the kinship allowance trial.")
    r = extract_text(extractor, body)
    assert not any(speaker == "house-of-lords" for speaker, _, _ in positions(r))
    r = extract_text(extractor, body.replace("We have campaigned", "We at the Northfold Trust have campaigned"))
    assert ("northfold-trust", "support", "kinship-care-support") in positions(r)


def test_a_page_headed_by_an_unknown_organisations_name_is_its_we(extractor):
    """An organisation the taxonomy does not know, its name alone heading the page (ending in an
    organisation word), then 'we': its page. A heading line that names no organisation is no writer."""
    page = ("Demands of the alliance\n\nHearth Carers Alliance\n\nWe welcome the new family help services. "
            "We hope every council will offer them.")
    r = extract_text(extractor, page)
    assert ("hearth-carers-alliance", "support", "family-help") in positions(r)
    r = extract_text(extractor, page.replace("Hearth Carers Alliance", "Practice and Systems"))
    assert not any(speaker.startswith("practice") for speaker, _, _ in positions(r))


def test_a_plan_that_could_go_further_is_objected_to(extractor):
    """'the bill could go further' says what the plan lacks: objection."""
    r = extract_text(extractor, "Mira Tolan said the family help plan could go further.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said the family help plan could go ahead.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_looking_forward_to_a_proposal_backs_it(extractor):
    r = extract_text(extractor, "The Fernlea Trust said it looks forward to family help reaching every council.")
    assert ("fernlea-trust", "support", "family-help") in positions(r)
    near = extract_text(extractor, "The Fernlea Trust said it looks at family help in every council.")
    assert ("fernlea-trust", "support", "family-help") not in positions(near)


def test_the_councillor_title_coun_is_no_part_of_the_name(extractor):
    """'Coun Jo Pell', as local papers write it, is Jo Pell."""
    r = extract_text(extractor, "Coun Jo Pell said: \u201cI have huge concerns about family hubs.\u201d")
    assert ("jo-pell", "object", "family-help") in positions(r)
    assert not any(c.speaker.startswith("coun") for c in r.claims)


def test_a_recommendation_pointing_back_to_nothing_nearby_is_about_the_articles_lead(extractor):
    """'should have extended the ban' with no ban named in the sentences before: the article's
    lead, the ban its title and opening are about."""
    text = ("Ban on unregulated placements for under-16s\n\n"
            "Ministers confirmed the ban on unregulated placements for children under 16 from September.\n\n"
            "Many older teenagers live in hostels and caravans, figures show.\n\n"
            "Jane Doe said the department should have extended the ban to under-18s.")
    r = extract_text(extractor, text)
    assert ("jane-doe", "support", "unregulated-placements") in positions(r)
    near = text.replace("Ban on unregulated placements for under-16s", "Teenagers in care").replace(
        "the ban on unregulated placements for children under 16", "new hostel inspections")
    assert ("jane-doe", "support", "unregulated-placements") not in positions(extract_text(extractor, near))


def test_a_proposal_named_only_as_a_kind_of_case_is_not_the_claims_target(extractor):
    """'every family help case would stay with a social worker': one piece of casework, not the policy."""
    text = "Mira Tolan said that every family help case would remain under a qualified social worker, which was welcome."
    r = extract_text(extractor, text)
    assert ("mira-tolan", "support", "family-help") not in positions(r)
    near = extract_text(extractor, text.replace("family help case", "family help team"))
    assert ("mira-tolan", "support", "family-help") in positions(near)


def test_a_peer_keeps_the_territorial_designation_and_the_short_form_is_the_same_peer(extractor):
    """'Lord Halvergate of Fenby' then 'Lord Halvergate': one person, named in full."""
    r = extract_text(extractor, "Lord Halvergate of Fenby warned that family help was underfunded. "
                                "Lord Halvergate said the unique child identifier was welcome.")
    assert ("halvergate-of-fenby", "object", "family-help") in positions(r)
    assert ("halvergate-of-fenby", "support", "unique-child-identifier") in positions(r)
    near = extract_text(extractor, "Lord Halvergate of the Fenby Trust warned that family help was underfunded.")
    assert not any(c.speaker.endswith("of-the-fenby-trust") for c in near.claims)


def test_a_plan_rushed_through_without_consultation_or_running_counter_to_something_is_objected_to(extractor):
    r = extract_text(extractor, "Mira Tolan said the family help plan was drafted too quickly.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Mira Tolan said the family help plan was published without consultation.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    r = extract_text(extractor, "Mira Tolan said the family help plan runs counter to the evidence.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said the family help plan was drafted in consultation with parents.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_an_ambitious_or_outlined_plan_is_backed_and_distressing_news_is_objected_to(extractor):
    r = extract_text(extractor, "Mira Tolan said family help was an ambitious plan.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    r = extract_text(extractor, "Mira Tolan outlined plans to limit the profits of private children's home providers.")
    assert ("mira-tolan", "support", "windfall-tax-private-providers") in positions(r)
    r = extract_text(extractor, "Mira Tolan said the cut to family help was distressing for families.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said family help was a new plan.")
    assert ("mira-tolan", "support", "family-help") not in positions(near)


def test_a_transcript_label_giving_only_a_first_name_is_the_person_named_in_full(extractor):
    """'Amanda:' after 'I spoke with Amanda Knowles': her turn, even where the NER model took
    either name for an organisation."""
    text = ("I spoke with Amanda Knowles, a social worker, about the unique child identifier.\n\n"
            "Ben: What do you think of the unique child identifier?\n\n"
            "Amanda: I think there is a danger that the unique child identifier will be rushed.\n")
    r = extract_text(extractor, text)
    assert ("amanda-knowles", "object", "unique-child-identifier") in positions(r)
    near = extract_text(extractor, text.replace("Amanda Knowles", "Amanda Knowles and Amanda Price"))
    assert ("amanda-knowles", "object", "unique-child-identifier") not in positions(near)


def test_the_devil_in_the_detail_objects(extractor):
    r = extract_text(extractor, "Mira Tolan said that, with family help, the devil is in the detail.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said that, with family help, the detail is in the plan.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_she_went_on_to_say_is_hers(extractor):
    """'She went on to say that ...': the subject of the verb of going on speaks."""
    text = ("Mira Tolan spoke at the meeting on Monday.\n\nThe hall was full.\n\n"
            "She went on to say that the unique child identifier was rushed.\n")
    assert ("mira-tolan", "object", "unique-child-identifier") in positions(extract_text(extractor, text))
    near = text.replace("She went on to say", "She went out to hear")
    assert ("mira-tolan", "object", "unique-child-identifier") not in positions(extract_text(extractor, near))


def test_the_right_way_backs(extractor):
    r = extract_text(extractor, "Mira Tolan said family help teams were the right way to support parents.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said family help teams were on the way to support parents.")
    assert ("mira-tolan", "support", "family-help") not in positions(near)
    negated = extract_text(extractor, "Mira Tolan said family help teams were not the right way to support parents.")
    assert ("mira-tolan", "support", "family-help") not in positions(negated)


def test_accelerating_the_pace_objects(extractor):
    """Pressing to 'accelerate the pace' of a plan says it goes too slowly, like 'greater pace'."""
    r = extract_text(extractor, "Mira Tolan urged ministers to accelerate the pace of change on family help.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan urged ministers to keep the pace of change on family help.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_a_plan_that_must_be_reconsidered_is_objected_to(extractor):
    r = extract_text(extractor, "Mira Tolan said the family help plan must be reconsidered.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said the family help plan must be considered.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_supporting_a_community_is_a_service_not_a_position(extractor):
    """'supporting the community through family help': the verb describes the service, as with families."""
    r = extract_text(extractor, "Mira Tolan said she was supporting the community through family help.")
    assert ("mira-tolan", "support", "family-help") not in positions(r)
    near = extract_text(extractor, "Mira Tolan said she was supporting family help.")
    assert ("mira-tolan", "support", "family-help") in positions(near)


def test_approving_a_plan_backs_it(extractor):
    r = extract_text(extractor, "Mira Tolan approved the family help plan.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan read the family help plan.")
    assert ("mira-tolan", "support", "family-help") not in positions(near)


def test_little_clarity_objects(extractor):
    """'brings little clarity', like 'no clarity': an objection on the ground of detail."""
    r = extract_text(extractor, "Mira Tolan said the family help plan brings little clarity.")
    assert ("mira-tolan", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said the family help plan brings a little money.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_a_badly_needed_plan_is_backed(extractor):
    r = extract_text(extractor, "Mira Tolan said family help teams were desperately needed.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said family help teams were not needed.")
    assert ("mira-tolan", "support", "family-help") not in positions(near)


def test_a_written_questions_answer_is_the_answering_bodys(extractor):
    """'Question to the Department for Education:' and 'To ask ...': the answer's 'we' is the
    Department's; the question itself is nobody's the page names."""
    text = ("Question to the Department for Education:\n"
            "To ask the Secretary of State for Education, what steps her Department is taking on kinship care.\n"
            "We will introduce family group decision making in every council. We back kinship carers.")
    got = positions(extract_text(extractor, text))
    assert ("dfe", "support", "family-group-decision-making") in got
    near = extract_text(extractor, text.replace("Question to", "A note for"))
    assert ("dfe", "support", "family-group-decision-making") not in positions(near)


def test_an_acronym_given_after_a_proposal_names_it_later(extractor):
    """'Regional Care Co-operatives (RCCs)', then 'RCCs are a dangerous idea': the acronym is the
    proposal, not the one named just before it."""
    text = ("Councils will work together in Regional Care Co-operatives (RCCs). Family help teams will start in "
            "April. Mira Tolan said: \"RCCs are a dangerous idea.\"")
    assert ("mira-tolan", "object", "regional-care-cooperatives") in positions(extract_text(extractor, text))
    near = text.replace("(RCCs)", "(CRCs)")
    assert ("mira-tolan", "object", "regional-care-cooperatives") not in positions(extract_text(extractor, near))


def test_a_reviews_report_speaks_for_the_reviews_chair(extractor):
    """'The review's initial report calls for X', on a page naming the review's chair: the chair backs X."""
    text = ("Review chair Mira Tolan opened the care review in January. The review's initial report, "
            "published today, calls for greater use of kinship care.")
    assert ("mira-tolan", "support", "kinship-care-support") in positions(extract_text(extractor, text))
    near = text.replace("The review's initial report", "A rival's initial report")
    assert ("mira-tolan", "support", "kinship-care-support") not in positions(extract_text(extractor, near))


def test_a_family_hub_is_family_help_and_a_family_budget_is_not(extractor):
    """The taxonomy names one family hub, as well as family hubs, as family help."""
    r = extract_text(extractor, "Mira Tolan called for a family hub in every town.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan called for a family budget in every town.")
    assert ("mira-tolan", "support", "family-help") not in positions(near)


def test_a_kinship_offer_is_support_for_kinship_carers(extractor):
    """The taxonomy names a council's (local) kinship offer, the duty to publish what kinship carers
    can get, as kinship support; a council's local offer to care leavers is not it."""
    for words in ("the local kinship offer", "the kinship local offer", "every kinship offer"):
        r = extract_text(extractor, f"Mira Tolan said {words} was a welcome step.")
        assert ("mira-tolan", "support", "kinship-care-support") in positions(r), words
    near = extract_text(extractor, "Mira Tolan said the local offer was a welcome step.")
    assert ("mira-tolan", "support", "kinship-care-support") not in positions(near)


def test_the_2016_bill_is_its_own_policy_document(extractor):
    """The taxonomy names the Children and Social Work Bill (2016-17) as a document of the reform, the
    parent of its exemption clauses; the 2025 bill is another document."""
    r = extract_text(extractor, "Mira Tolan welcomed the Children and Social Work Bill.")
    assert ("mira-tolan", "support", "children-social-work-bill") in positions(r)
    near = extract_text(extractor, "Mira Tolan welcomed the Children's Wellbeing and Schools Bill.")
    assert ("mira-tolan", "support", "children-social-work-bill") not in positions(near)


def test_a_national_fostering_strategy_is_named(extractor):
    """A national fostering strategy or plan is its own proposal, under recruiting foster carers."""
    r = extract_text(extractor, "Mira Tolan said the fostering strategy was a welcome step.")
    assert ("mira-tolan", "support", "national-fostering-strategy") in positions(r)
    near = extract_text(extractor, "Mira Tolan said the fostering allowance was a welcome step.")
    assert ("mira-tolan", "support", "national-fostering-strategy") not in positions(near)


def test_independent_advocacy_for_children_in_care_is_named(extractor):
    """Opt-out or independent advocacy for children in care is its own proposal; advocacy in
    general (a charity's advocacy work) is not it."""
    r = extract_text(extractor, "Mira Tolan called for opt-out advocacy for every child in care.")
    assert ("mira-tolan", "support", "advocacy-for-children-in-care") in positions(r)
    near = extract_text(extractor, "Mira Tolan called for more advocacy work for every child in care.")
    assert ("mira-tolan", "support", "advocacy-for-children-in-care") not in positions(near)


def test_lifting_local_connection_tests_for_care_leavers_is_named(extractor):
    """The tests social housing puts care leavers through (a local connection, not being
    intentionally homeless) name the clause that would lift them, under care leaver support."""
    r = extract_text(extractor, "Mira Tolan called for the removal of local connection tests for care leavers.")
    assert ("mira-tolan", "support", "care-leaver-local-connection") in positions(r)
    near = extract_text(extractor, "Mira Tolan called for the removal of waiting lists for care leavers.")
    assert ("mira-tolan", "support", "care-leaver-local-connection") not in positions(near)


def test_opposition_or_support_from_a_named_actor_is_that_actors_side(extractor):
    """'despite opposition from X', 'cited support from X': each one named in the 'from' phrase holds
    that side on what the sentence names; support from X that helps families is a service, not a side."""
    r = extract_text(extractor, "The exemption clauses were approved despite opposition from Jane Ruddle and Tom Bell.")
    assert ("jane-ruddle", "object", "power-to-innovate") in positions(r)
    assert ("tom-bell", "object", "power-to-innovate") in positions(r)
    r = extract_text(extractor, "Ivo Grant cited support from Professor Ann Grove as a reason to back the exemption clauses.")
    assert ("ann-grove", "support", "power-to-innovate") in positions(r)
    near = extract_text(extractor, "Ivo Grant said support from Professor Ann Grove helps families under the exemption clauses.")
    assert not any(p[0] == "ann-grove" for p in positions(near))
    near = extract_text(extractor, "The exemption clauses were approved with no opposition from Jane Ruddle.")
    assert ("jane-ruddle", "object", "power-to-innovate") not in positions(near)


def test_the_governments_response_to_the_childrens_social_care_review_is_the_strategy(extractor):
    """'the government's response to the Children's Social Care Review' names the 2023 strategy,
    not the review it answers."""
    r = extract_text(extractor, "Mira Tolan criticised the government's response to the Children's Social Care Review.")
    assert ("mira-tolan", "object", "stable-homes-strategy") in positions(r)
    assert ("mira-tolan", "object", "independent-review") not in positions(r)
    near = extract_text(extractor, "Mira Tolan criticised the Children's Social Care Review.")
    assert ("mira-tolan", "object", "independent-review") in positions(near)


def test_the_government_describing_a_bill_it_points_back_to_backs_it(extractor):
    """'The Government says that the Bill is designed to ...', the bill named before: the government
    describes its own plan; anyone else saying the same takes no side, nor does the government on a
    report it points back to."""
    opening = "The Children and Social Work Bill was introduced in May. "
    said = "says that the Bill is designed to strengthen the care system."
    r = extract_text(extractor, opening + "The Government " + said)
    assert ("uk-government", "support", "children-social-work-bill") in positions(r)
    near = extract_text(extractor, opening + "Ivo Grant " + said)
    assert ("ivo-grant", "support", "children-social-work-bill") not in positions(near)
    near = extract_text(extractor, opening + "The Government " + said.replace("the Bill", "the report"))
    assert ("uk-government", "support", "children-social-work-bill") not in positions(near)


def test_raising_the_number_of_foster_carers_is_the_recruitment_drive(extractor):
    """'increasing (boosting) the number of foster carers (homes)' names the drive to recruit them;
    the number of foster carers as a fact does not."""
    for words in ("increasing the number of foster carers", "boosting the number of foster homes"):
        r = extract_text(extractor, f"Mira Tolan said {words} is an urgent priority.")
        assert ("mira-tolan", "support", "foster-carer-recruitment") in positions(r), words
    near = extract_text(extractor, "Mira Tolan said the number of foster carers is an urgent priority.")
    assert ("mira-tolan", "support", "foster-carer-recruitment") not in positions(near)


def test_more_names_of_known_proposals(extractor):
    """Names the taxonomy lacked: expert social workers leading child protection are its expert
    practitioners, a group decision-making meeting is family group decision making, and foster care
    reforms are the drive for foster carers, early intervention services are family help; social
    workers alone, a meeting alone, care reforms and intervention services alone are none of them."""
    cases = [("the expert social workers", "expert-child-protection-practitioners", "the social workers"),
             ("a group decision-making meeting", "family-group-decision-making", "a meeting"),
             ("the foster care reforms", "foster-carer-recruitment", "the care reforms"),
             ("the early intervention services", "family-help", "the intervention services")]
    for words, target, near in cases:
        r = extract_text(extractor, f"Mira Tolan said {words} were a welcome step.")
        assert ("mira-tolan", "support", target) in positions(r), words
        n = extract_text(extractor, f"Mira Tolan said {near} were a welcome step.")
        assert ("mira-tolan", "support", target) not in positions(n), near


def test_a_speaker_named_with_a_role_after_an_opening_phrase_speaks(extractor):
    """'Welcoming the Bill, Mira Tolan, Chief Executive of the Hearth Trust, said: "..."' (parsed
    with no subject for 'said'): she speaks."""
    text = ("Welcoming the Bill, Mira Tolan, Chief Executive of the Hearth Trust, said:\n"
            "\u201cThe Children\u2019s Wellbeing and Schools Bill is a landmark opportunity for reform.\u201d")
    assert ("mira-tolan", "support", "childrens-wellbeing-schools-bill") in positions(extract_text(extractor, text))


def test_a_vote_for_or_against_a_proposal_is_its_voters_stance(extractor):
    """'voted for the Bill' backs it and 'voted against it' objects; voting on it takes no side."""
    bill = "the Children's Wellbeing and Schools Bill"
    r = extract_text(extractor, f"Mira Tolan voted for {bill}.")
    assert ("mira-tolan", "support", "childrens-wellbeing-schools-bill") in positions(r)
    r = extract_text(extractor, f"Mira Tolan voted against {bill}.")
    assert ("mira-tolan", "object", "childrens-wellbeing-schools-bill") in positions(r)
    near = positions(extract_text(extractor, f"Mira Tolan voted on {bill}."))
    assert not any(p[0] == "mira-tolan" for p in near)


def test_this_bill_points_back_and_a_bill_is_new(extractor):
    """'This landmark bill was welcomed' after the Bill is named: the Bill, not a new candidate 'landmark
    bill'; 'A landmark bill was welcomed' names a new one."""
    text = ("Vote in the Commons\nThe Children's Wellbeing and Schools Bill passed its second reading on Monday.\n"
            "This landmark bill was welcomed by Mira Tolan.")
    got = positions(extract_text(extractor, text))
    assert ("mira-tolan", "support", "childrens-wellbeing-schools-bill") in got
    assert not any(p[2].startswith("candidate-") for p in got)
    near = positions(extract_text(extractor, text.replace("This landmark bill", "A landmark bill")))
    assert ("mira-tolan", "support", "childrens-wellbeing-schools-bill") not in near


def test_a_named_bills_last_words_make_no_new_candidate(extractor):
    """A first line naming the Children's Wellbeing and Schools Bill names the Bill; 'Schools Bill'
    inside that name is no new policy for 'this bill' to point back to."""
    title = "Mira Tolan said the Children's Wellbeing and Schools Bill passed its second reading."
    text = title + " Mira Tolan said this bill should have been supported by all parties."
    got = positions(extract_text(extractor, text, title=title))
    assert ("mira-tolan", "support", "childrens-wellbeing-schools-bill") in got
    assert not any(p[2].startswith("candidate-") for p in got)


def test_judging_the_resistance_to_a_plan_wrong_backs_the_plan(extractor):
    """'resistance to outsourcing is counter-productive' backs outsourcing; calling outsourcing
    counter-productive objects to it."""
    r = extract_text(extractor, "Mira Tolan said resistance to outsourcing children's services is counter-productive.")
    assert ("mira-tolan", "support", "private-provision") in positions(r)
    near = extract_text(extractor, "Mira Tolan said outsourcing children's services is counter-productive.")
    assert ("mira-tolan", "object", "private-provision") in positions(near)
    assert ("mira-tolan", "support", "private-provision") not in positions(near)


def test_a_smokescreen_or_a_gimmick_objects(extractor):
    for word in ("a smokescreen", "a gimmick", "gimmicky"):
        r = extract_text(extractor, f"Mira Tolan said the family hubs were {word}.")
        assert ("mira-tolan", "object", "family-help") in positions(r), word
    near = extract_text(extractor, "Mira Tolan said the family hubs were a lifeline.")
    assert ("mira-tolan", "object", "family-help") not in positions(near)


def test_making_it_worse_objects_and_having_the_potential_backs(extractor):
    """'X are making it worse' objects to X; 'X has the potential to help' backs X."""
    r = extract_text(extractor, "Mira Tolan said private providers are making it worse.")
    assert ("mira-tolan", "object", "private-provision") in positions(r)
    r = extract_text(extractor, "Mira Tolan said family help has the potential to keep children safe.")
    assert ("mira-tolan", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Mira Tolan said private providers are making it.")
    assert ("mira-tolan", "object", "private-provision") not in positions(near)


def test_a_proposal_put_forward_by_someone_else_is_theirs_not_the_speakers(extractor):
    """'Jane Doe said X, first proposed by the CMA, would fail': the CMA backs X and Jane Doe objects,
    she does not back it; 'will invest in X, as recommended by the CMA': the CMA backs X too."""
    r = positions(extract_text(extractor, "Rosa Pell said regional care cooperatives, first proposed by the "
                                          "Competition and Markets Authority, would fail."))
    assert ("competition-and-markets-authority", "support", "regional-care-cooperatives") in r
    assert ("rosa-pell", "object", "regional-care-cooperatives") in r
    assert ("rosa-pell", "support", "regional-care-cooperatives") not in r
    r = positions(extract_text(extractor, "The government will invest in family help, as recommended by the "
                                          "Competition and Markets Authority."))
    assert ("competition-and-markets-authority", "support", "family-help") in r
    near = positions(extract_text(extractor, "The government will invest in family help, as discussed with the "
                                             "Competition and Markets Authority."))
    assert ("competition-and-markets-authority", "support", "family-help") not in near


def test_a_demand_that_a_plan_be_fully_funded_is_a_condition_on_funding(extractor):
    """'family help must be properly funded' and 'assurance that the reforms will be fully funded'
    object on the ground of funding; 'a fully funded family help service' is backed."""
    r = positions(extract_text(extractor, "Mira Tolan said family help must be properly funded."))
    assert ("mira-tolan", "object", "family-help") in r and ("mira-tolan", "object", "theme:funding") in r
    r = positions(extract_text(extractor, 'Mira Tolan said: "We look to government for assurance that the '
                                          'reforms will be fully funded."'))
    assert ("mira-tolan", "object", "theme:funding") in r
    near = positions(extract_text(extractor, "Mira Tolan backed a fully funded family help service."))
    assert ("mira-tolan", "support", "family-help") in near and ("mira-tolan", "object", "theme:funding") not in near


def test_reversing_cuts_is_a_remedy(extractor):
    """Cuts are a worsening: a verb that reverses or ends them ('reverse the funding cuts') remedies
    a problem, so what does it is backed; cuts merely mentioned are no remedy."""
    for verb in ("reverse", "halt"):
        r = extract_text(extractor, f"Ivo Grant said the family help teams would {verb} the funding cuts.")
        assert ("ivo-grant", "support", "family-help") in positions(r), verb
        assert ("ivo-grant", "object", "family-help") not in positions(r), verb
    near = extract_text(extractor, "Ivo Grant said the family help teams would reverse the new duty.")
    assert ("ivo-grant", "object", "family-help") in positions(near)


def test_a_named_actor_warning_in_an_as_clause_agrees_and_takes_no_side(extractor):
    """'..., as the Northfold Institute has warned': the 'as' clause says who agrees with the
    sentence; its speech verb is no objection to the plan named before. Said plainly, the warning
    still objects."""
    first = "Ivo Grant said the family help teams were welcome. "
    r = extract_text(extractor, first + "He said public services are crumbling, as the Northfold Institute has warned.")
    assert ("ivo-grant", "object", "family-help") not in positions(r)
    near = extract_text(extractor, first + "He warned that public services are crumbling.")
    assert ("ivo-grant", "object", "family-help") in positions(near)


def test_the_correct_approach_is_support(extractor):
    """'has the correct approach' backs what has it, as 'the right approach' does; an approach alone does not."""
    r = extract_text(extractor, "Jo Bell said the family help teams have the correct approach to tackling neglect.")
    assert ("jo-bell", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Jo Bell said the family help teams have an approach to tackling neglect.")
    assert ("jo-bell", "support", "family-help") not in positions(near)


def test_leaving_children_behind_and_worse_outcomes_object(extractor):
    """'children are left behind by X', 'X may lead to worse outcomes', 'children miss out under X':
    harms said of a plan object to it; the plan merely named does not."""
    for words in ("Jo Bell said children are being left behind by the family help teams.",
                  "Jo Bell said the family help teams may lead to worse outcomes.",
                  "Jo Bell said children miss out under the family help teams."):
        assert ("jo-bell", "object", "family-help") in positions(extract_text(extractor, words)), words
    near = extract_text(extractor, "Jo Bell said children are being seen by the family help teams.")
    assert ("jo-bell", "object", "family-help") not in positions(near)


def test_standards_for_unregulated_placements_name_the_supported_accommodation_standards(extractor):
    r = extract_text(extractor, "Jo Bell welcomed the standards for unregulated placements.")
    assert ("jo-bell", "support", "supported-accommodation-standards") in positions(r)
    near = extract_text(extractor, "Jo Bell welcomed the standards for placements.")
    assert ("jo-bell", "support", "supported-accommodation-standards") not in positions(near)


def test_a_real_difference_is_support(extractor):
    """'would make a real difference' backs what would; a difference alone ('a difference between
    the teams') takes no side."""
    r = extract_text(extractor, "Jo Bell said the family help teams would make a real difference to carers.")
    assert ("jo-bell", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Jo Bell said there is a difference between the family help teams.")
    assert ("jo-bell", "support", "family-help") not in positions(near)


@pytest.mark.parametrize("words", ["a fantastic way to reach families", "a lifeline for parents",
                                   "a brilliant idea", "wonderful news for carers",
                                   "a meaningful way to reach families"])
def test_praise_words_back_what_they_describe(extractor, words):
    """'family help teams are a fantastic way ...', 'would be a lifeline for parents': praise."""
    r = extract_text(extractor, f"Jo Bell said the family help teams would be {words}.")
    assert ("jo-bell", "support", "family-help") in positions(r)


def test_near_miss_the_same_sentence_without_praise_takes_no_side(extractor):
    r = extract_text(extractor, "Jo Bell said the family help teams would be a way to reach families.")
    assert ("jo-bell", "support", "family-help") not in positions(r)
    denied = extract_text(extractor, "Jo Bell said the family help teams would not be a meaningful way to reach families.")
    assert ("jo-bell", "support", "family-help") not in positions(denied)


def test_an_owners_planning_for_a_proposal_backs_it(extractor):
    """'the government's planning for family help teams': the government's plan, so its support."""
    r = extract_text(extractor, "Jo Bell said she welcomed the government's planning for family help teams.")
    assert ("uk-government", "support", "family-help") in positions(r)


def test_near_miss_planning_with_no_owner_backs_nothing(extractor):
    r = extract_text(extractor, "Jo Bell said the workforce planning for family help teams was welcome.")
    assert not any(p[0] == "uk-government" for p in positions(r))


def test_ending_the_reviewing_officer_role_is_a_proposal_of_its_own(extractor):
    """'the abolition of independent reviewing officers', 'the review's plan to scrap the role of
    independent reviewing officers': the taxonomy's proposal to end the role."""
    r = extract_text(extractor, "Jo Bell said the abolition of independent reviewing officers would be a dangerous mistake.")
    assert ("jo-bell", "object", "iro-abolition") in positions(r)
    r = extract_text(extractor, "Jo Bell backed the plan to scrap the role of independent reviewing officers.")
    assert ("jo-bell", "support", "iro-abolition") in positions(r)


def test_near_miss_the_officers_themselves_name_no_proposal(extractor):
    r = extract_text(extractor, "Jo Bell said independent reviewing officers do vital work for children in care.")
    assert not any(p[2] == "iro-abolition" for p in positions(r))


@pytest.mark.parametrize("words,stance", [("well-regarded by councils", "support"),
                                          ("an attack on councils", "object")])
def test_praise_and_attack_phrases(extractor, words, stance):
    """'well-regarded' praises; 'an attack on X' objects."""
    r = extract_text(extractor, f"Jo Bell said the family help teams were {words}.")
    assert ("jo-bell", stance, "family-help") in positions(r)


def test_full_of_admiration_backs_what_it_admires(extractor):
    r = extract_text(extractor, "Jo Bell said she was full of admiration for the family help teams.")
    assert ("jo-bell", "support", "family-help") in positions(r)
    near = extract_text(extractor, "Jo Bell said she was full of questions about the family help teams.")
    assert ("jo-bell", "support", "family-help") not in positions(near)


def test_distorting_is_an_objection(extractor):
    """'would distort the market', 'distorted by investors': an objection."""
    r = extract_text(extractor, "Jo Bell said the family help teams would distort local services.")
    assert ("jo-bell", "object", "family-help") in positions(r)
    near = extract_text(extractor, "Jo Bell said the family help teams would shape local services.")
    assert ("jo-bell", "object", "family-help") not in positions(near)


REACTIONS = ("{blank}Family hubs will be opened in every council in England under plans welcomed by unions today.\n\n"
             "Ministers confirmed the plan on Monday, a year after the kinship care strategy.\n\n"
             "Union leader Anna Bloggs said the announcement came after years of lobbying.\n\n"
             "Union leader Dave Brown said: \"This is a positive step forward.\"\n")


def test_a_new_voice_calling_this_a_step_forward_backs_what_the_article_reports(extractor):
    """'This is a positive step' from a speaker after someone else's words: the headline's proposal."""
    r = extract_text(extractor, REACTIONS.format(blank=""))
    assert ("dave-brown", "support", "family-help") in positions(r)


def test_a_title_after_front_matter_and_a_blank_line_is_still_the_title(extractor, tmp_path):
    """A page whose front matter is followed by a blank line: the blank left where the front matter
    was is no title; the headline's proposal is still found."""
    from argmap.corpus import load_corpus

    path = tmp_path / "reactions.txt"
    front = "---\noutlet: The Daily Ledger\nurl: https://example.org/news/family-hubs-every-council\n---\n\n"
    path.write_text(REACTIONS.format(blank=front), encoding="utf-8")
    (r,) = list(extractor.extract(load_corpus([path])))
    assert ("dave-brown", "support", "family-help") in positions(r)


def test_near_miss_this_after_the_speakers_own_words_is_not_the_headlines_proposal(extractor):
    """'Dave Brown said the pay rise was overdue. He added: "This is a positive step."': his own last words."""
    text = REACTIONS.format(blank="").replace(
        "Union leader Dave Brown said: \"This is a positive step forward.\"",
        "Union leader Dave Brown said the pay rise for staff was overdue. \"This is a positive step forward,\" "
        "Dave Brown added.")
    r = extract_text(extractor, text)
    assert ("dave-brown", "support", "family-help") not in positions(r)


def test_welcoming_the_news_backs_what_the_article_reports(extractor):
    """'welcomed the news', 'the announcement', 'the decision': they point back to the article's
    proposal like 'the plans' do; a noun that points to nothing ('the sunshine') does not."""
    text = REACTIONS.format(blank="").replace("said: \"This is a positive step forward.\"", "welcomed the {noun}.")
    for noun in ("news", "announcement", "decision"):
        r = extract_text(extractor, text.format(noun=noun))
        assert ("dave-brown", "support", "family-help") in positions(r), noun
    r = extract_text(extractor, text.format(noun="sunshine"))
    assert ("dave-brown", "support", "family-help") not in positions(r)


def test_what_the_speaker_does_not_think_should_happen_is_not_asked_for(extractor):
    """'she does not think every care leaver should have X': a denied 'should' recommends nothing;
    'she thinks every care leaver should have X' does."""
    r = extract_text(extractor, "Jo Bell said she thinks every care leaver should have a personal adviser.")
    assert ("jo-bell", "support", "care-leaver-support") in positions(r)
    r = extract_text(extractor, "Jo Bell said she does not think every care leaver should have a personal adviser.")
    assert ("jo-bell", "support", "care-leaver-support") not in positions(r)


@pytest.mark.parametrize("name", ["market system", "for-profit system"])
def test_a_name_of_private_provision_in_the_grounds_own_words_raises_the_ground(extractor, name):
    """'the market system for children's homes is failing': the name says what the objection is about,
    so it is an objection to private provision on the ground of profit and markets; 'the private
    sector is failing' names the provision alone."""
    r = extract_text(extractor, f"Jo Bell said the {name} for children's homes is failing.")
    assert {("jo-bell", "object", "private-provision"), ("jo-bell", "object", "theme:profit-and-markets")} <= positions(r)
    near = extract_text(extractor, "Jo Bell said the private sector for children's homes is failing.")
    assert ("jo-bell", "object", "private-provision") in positions(near)
    assert ("jo-bell", "object", "theme:profit-and-markets") not in positions(near)
