"""Every write path a person or the worker has, and the journey that proves what readers
see after it. ``test_write_paths_are_covered`` fails when the project grows a path
(an admin action, form, view or a management command) that is not listed here.

``Journey``: the path changes what readers see; the named test asserts it.
``NoEffect``: the path changes nothing readers see, for the reason given; the named
test performs it on a live site and asserts that readers' pages stay the same.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Journey:
    test: str
    asserts: str


@dataclass(frozen=True)
class NoEffect:
    test: str
    reason: str


ART = "test_article_journeys"
COM = "test_comment_journeys"
SITE = "test_site_journeys"
FRONT = "test_frontpage_journeys"

OFF_SITE = Journey(
    f"{ART}::test_taking_an_article_off_the_site_removes_it_everywhere",
    "article 404 in both languages; gone from home, category, feed, sitemap and search",
)
PUBLISH = Journey(
    f"{ART}::test_publish_puts_a_draft_everywhere",
    "article page in both languages; listed on home, category, feed, sitemap, search",
)
REVIEW = NoEffect(
    f"{ART}::test_send_to_review_shows_readers_nothing",
    "a draft in review is still unpublished: 404, home and feed unchanged",
)
TRANSLATIONS_CURRENT = NoEffect(
    f"{ART}::test_marking_translations_current_changes_no_page",
    "translation records are shown in the admin only; both article pages unchanged",
)
ARTICLE_GONE = Journey(
    f"{ART}::test_deleting_an_article_removes_it_everywhere",
    "article 404 in both languages; gone from home, category, feed, sitemap and search",
)
MOD = "test_moderation_journeys"
KEEP = Journey(
    f"{MOD}::test_a_report_hides_a_comment_until_keep_brings_it_back",
    "a reader's report takes the comment off both cached article pages; Keep (row "
    "button or list action) brings it and the count of 1 back",
)
REMOVE = Journey(
    f"{MOD}::test_remove_takes_a_reported_comment_off_for_good",
    "the reported comment stays off both article pages, with no Report link; count 0; "
    "listed as rejected",
)
COMMENT_GONE = Journey(
    f"{COM}::test_a_list_action_takes_an_approved_comment_off_the_page",
    "the approved comment leaves both article pages; both counts go to 0",
)
CATEGORY_GONE = Journey(
    f"{SITE}::test_deleting_a_category_takes_it_out_of_every_menu",
    "the category leaves the menu of home, article and category pages; its page 404s",
)
REPUBLISHING = NoEffect(
    "test_republishing_journeys::test_feed_checks_and_imports_make_drafts_readers_do_not_see",
    "feed checks list entries in the admin and imports make drafts: nothing is published "
    "without an editor, so every reader's page stays the same",
)
SOURCE_UNUSED = NoEffect(
    f"{SITE}::test_sources_no_article_cites_change_no_page",
    "a source shows only in the byline of articles citing it, and one in use cannot be "
    "deleted (PROTECT): adding or deleting an unused one changes no page",
)
SUMMARY_GONE = Journey(
    f"{SITE}::test_deleting_a_summary_status_hides_the_summary",
    "the English summary disappears from the page and the feed; the Turkish one stays",
)
STAFF = NoEffect(
    f"{SITE}::test_staff_accounts_and_groups_change_no_page",
    "accounts and groups are never shown to readers (staff always get fresh pages)",
)
SIGNIN = NoEffect(
    f"{SITE}::test_sign_in_records_and_second_factors_change_no_page",
    "sign-in attempts, logs and staff devices are back-office records readers never see",
)

OPERATOR = NoEffect(
    "test_operations_journeys::test_backup_upkeep_and_the_search_index_change_no_page",
    "a backup copies the database; the index rebuild writes the documents searches read, "
    "the same ones; upkeep runs the jobs listed here under their own names (purge_comments, "
    "generate_summaries, search_index): on a live site every kind of page stays the same",
)
UPKEEP_RECORDS = NoEffect(
    "test_operations_journeys::test_backup_upkeep_and_the_search_index_change_no_page",
    "upkeep runs and worker heartbeats are back-office records readers never see; deleting "
    "one only lets a job run again in its interval",
)

AUT = "test_author_journeys"
AUTHOR_GONE = Journey(
    f"{AUT}::test_deleting_an_author_takes_them_off_every_byline",
    "the name leaves the byline of both article pages; author page and feed 404",
)
TAG_GONE = Journey(
    f"{AUT}::test_deleting_a_tag_takes_it_off_its_articles",
    "the tag's link leaves both article pages; its page 404s in both languages",
)
FEATURE = Journey(
    f"{FRONT}::test_featuring_an_article_makes_it_the_lead_then_unfeaturing_restores_the_latest",
    "the featured article leads the cached home page in both languages; stopping "
    "puts the latest article back as the lead",
)
FOOTER_PAGE = Journey(
    f"{FRONT}::test_an_editor_publishes_edits_and_unpublishes_a_footer_page",
    "a new page at its address and in the footer of the cached home pages, both languages; "
    "its new title after an edit; back to draft: 404 and gone from the footer",
)
FOOTER_PAGE_GONE = Journey(
    f"{FRONT}::test_deleting_a_footer_page_takes_it_off_the_site",
    "the page 404s in both languages and leaves the footer of the cached home pages",
)

DESK = Journey(
    "test_desk_journeys::test_a_translator_changes_an_interface_string_every_server_shows_it",
    "a translator's Turkish footer sentence, saved in Chromium on server A, on server B's "
    "cached Turkish home page and, after B restarts, on a page it never rendered; the English "
    "footer unchanged; a broken placeholder refused with the text kept",
)

JOURNEYS = {
    # The translators' desk (interface strings): the edit page is the only way to save.
    "admin:catalogues.messagetranslation:change": DESK,
    "admin:catalogues.messagetranslation:view:catalogues_messagetranslation_edit": DESK,
    "command:catalogues_write": NoEffect(
        "test_desk_journeys::test_catalogues_write_changes_no_page",
        "it writes desk edits, live already, into a checkout's .po files; servers read "
        "those files only after a release",
    ),
    # Authors: bylines on article pages and cards, their own pages and feeds.
    "admin:articles.author:add": Journey(
        f"{AUT}::test_adding_an_author_and_naming_them_on_an_article",
        "named on an article: the byline in both languages; the author page with the bio "
        "in each language, listing the article",
    ),
    "admin:articles.author:change": Journey(
        f"{AUT}::test_changing_an_author_renews_bylines_and_their_page",
        "the new name on both article pages' bylines and the author page; the new bio there",
    ),
    "admin:articles.author:delete": AUTHOR_GONE,
    "admin:articles.author:list-action:delete_selected": AUTHOR_GONE,
    # Tags: links on article pages, their own pages.
    "admin:articles.tag:add": Journey(
        f"{AUT}::test_adding_a_tag_gives_it_a_page",
        "the tag's page answers in both languages under each language's slug",
    ),
    "admin:articles.tag:change": Journey(
        f"{AUT}::test_renaming_a_tag_renames_its_links",
        "the new name in the article pages' tag links and on the tag page, both languages",
    ),
    "admin:articles.tag:delete": TAG_GONE,
    "admin:articles.tag:list-action:delete_selected": TAG_GONE,
    # The article admin: list actions and the Action menu on an article's page.
    "admin:articles.article:list-action:publish": PUBLISH,
    "admin:articles.article:form-action:publish": PUBLISH,
    "admin:articles.article:list-action:unpublish": OFF_SITE,
    "admin:articles.article:form-action:unpublish": OFF_SITE,
    "admin:articles.article:list-action:archive": OFF_SITE,
    "admin:articles.article:form-action:archive": OFF_SITE,
    "admin:articles.article:list-action:send_to_review": REVIEW,
    "admin:articles.article:form-action:send_to_review": REVIEW,
    "admin:articles.article:list-action:feature": FEATURE,
    "admin:articles.article:form-action:feature": FEATURE,
    "admin:articles.article:list-action:unfeature": FEATURE,
    "admin:articles.article:form-action:unfeature": FEATURE,
    "admin:articles.article:list-action:mark_translations_current": TRANSLATIONS_CURRENT,
    "admin:articles.article:form-action:mark_translations_current": TRANSLATIONS_CURRENT,
    "admin:articles.article:list-action:generate_summaries": Journey(
        f"{ART}::test_generate_summaries_action_then_worker",
        "after the worker: the English page and feed show the AI summary, disclosed as "
        "AI; none in Turkish; conditional GETs of the old copies get 200",
    ),
    "admin:articles.article:view:articles_article_summaries": Journey(
        f"{ART}::test_generate_summaries_button_then_worker",
        "as the action: the summary on the English page and in the feed after the worker",
    ),
    "admin:articles.article:view:articles_article_machine_translation": NoEffect(
        "test_machine_translation_journeys::"
        "test_asking_for_a_machine_draft_or_discarding_one_changes_no_page",
        "it queues drafts (this offline site refuses plainly); a draft waits for review "
        "in the admin and never reaches readers until a translator accepts it",
    ),
    "admin:articles.article:view:articles_article_machine_translation_decide": Journey(
        "test_machine_translation_journeys::"
        "test_accepting_a_machine_draft_puts_that_field_on_the_page",
        "Accept: the accepted Turkish title on the cached Turkish page, the body draft not "
        "accepted still absent, nothing on the English page; Discard: both pages unchanged "
        "(test_asking_for_a_machine_draft_or_discarding_one_changes_no_page)",
    ),
    "admin:articles.article:list-action:delete_selected": ARTICLE_GONE,
    "admin:articles.article:delete": ARTICLE_GONE,
    "admin:articles.article:add": Journey(
        f"{ART}::test_adding_a_published_article_puts_it_everywhere",
        "a new published article: both pages, home, category, feed, sitemap, search",
    ),
    "admin:articles.article:change": Journey(
        f"{ART}::test_editing_an_article_renews_every_page_showing_it",
        "new titles on both article pages, home, category, feed, search; old "
        "Last-Modified gets 200 (also: scheduling, comments closed, in test_article_journeys)",
    ),
    # Categories: in the menu of every page.
    "admin:articles.category:add": Journey(
        f"{SITE}::test_adding_a_category_puts_it_in_every_menu",
        "the new category in the menu of home, article and category pages, both languages",
    ),
    "admin:articles.category:change": Journey(
        f"{SITE}::test_renaming_a_category_renames_it_everywhere",
        "new name in the article's kicker, the menu and on the home page, both languages",
    ),
    "admin:articles.category:delete": CATEGORY_GONE,
    "admin:articles.category:list-action:delete_selected": CATEGORY_GONE,
    "admin:articles.category:list-editable": Journey(
        f"{SITE}::test_reordering_categories_in_the_list_reorders_every_menu",
        "the menu of every kind of page in the new order, both languages",
    ),
    # Sources: the byline.
    "admin:articles.source:add": SOURCE_UNUSED,
    "admin:articles.source:change": Journey(
        f"{SITE}::test_renaming_a_source_changes_the_byline",
        "the byline of the citing article says the new name, both languages",
    ),
    "admin:articles.source:delete": SOURCE_UNUSED,
    "admin:articles.source:list-action:check_for_new_articles": REPUBLISHING,
    "admin:republishing.importrequest:add": REPUBLISHING,
    "admin:republishing.feedentry:list-action:import_selected": REPUBLISHING,
    "command:check_feeds": REPUBLISHING,
    "admin:articles.source:list-action:delete_selected": SOURCE_UNUSED,
    # Summary statuses (read-only in the admin, but they can be deleted).
    "admin:articles.summarystate:delete": SUMMARY_GONE,
    "admin:articles.summarystate:list-action:delete_selected": SUMMARY_GONE,
    # Footer pages: linked from every page.
    "admin:pages.page:add": FOOTER_PAGE,
    "admin:pages.page:change": FOOTER_PAGE,
    "admin:pages.page:delete": FOOTER_PAGE_GONE,
    "admin:pages.page:list-action:delete_selected": FOOTER_PAGE_GONE,
    # Comments.
    "admin:comments.comment:list-action:approve": Journey(
        f"{COM}::test_a_reader_comment_waits_then_the_approve_action_publishes_it",
        "the comment and a count of 1 on both article pages; old Last-Modified gets 200",
    ),
    "admin:comments.comment:list-action:reject": COMMENT_GONE,
    "admin:comments.comment:list-action:mark_spam": COMMENT_GONE,
    "admin:comments.comment:list-action:delete_selected": COMMENT_GONE,
    "admin:comments.comment:change": Journey(
        f"{COM}::test_approving_in_the_comment_form_publishes_it",
        "the comment and a count of 1 on both article pages",
    ),
    "admin:comments.comment:view:comments_comment_moderate": Journey(
        f"{MOD}::test_the_row_buttons_decide_without_leaving_the_list",
        "back on the same filtered list page; Approve: the comment and a count of 1 on "
        "both article pages; Reject / Spam: gone from both, count 0",
    ),
    "admin:comments.reportedcomment:view:comments_reportedcomment_decide": KEEP,
    "admin:comments.reportedcomment:list-action:keep": KEEP,
    "admin:comments.reportedcomment:list-action:remove": REMOVE,
    "reader:comment-report": KEEP,
    "admin:comments.comment:delete": Journey(
        f"{COM}::test_deleting_a_comment_from_its_page_removes_it",
        "the comment leaves both article pages; counts go to 0",
    ),
    # Staff accounts.
    "admin:auth.user:add": STAFF,
    "admin:auth.user:change": STAFF,
    "admin:auth.user:delete": STAFF,
    "admin:auth.user:list-action:delete_selected": STAFF,
    "admin:auth.user:view:auth_user_password_change": STAFF,
    "admin:auth.group:add": STAFF,
    "admin:auth.group:change": STAFF,
    "admin:auth.group:delete": STAFF,
    "admin:auth.group:list-action:delete_selected": STAFF,
    # Management commands of the project's own apps.
    "command:load_demo": Journey(
        f"{SITE}::test_load_demo_reaches_readers",
        "demo categories in the menu of the cached home pages; a demo article on its "
        "category page, its own page, sitemap.xml and search, both languages",
    ),
    "command:generate_summaries": Journey(
        f"{ART}::test_generate_summaries_command_then_worker",
        "after the worker: the AI summary on the English page and in the feed",
    ),
    "command:worker": Journey(
        f"{ART}::test_generate_summaries_command_then_worker",
        "a summary task finishing in `manage.py worker` shows on the page and in the feed",
    ),
    # Staff sign-in: the throttle's records (lifting a lock) and second-factor devices.
    "admin:axes.accessattempt:change": SIGNIN,
    "admin:axes.accessattempt:delete": SIGNIN,
    "admin:axes.accessattempt:list-action:cleanup_expired_attempts": SIGNIN,
    "admin:axes.accessattempt:list-action:delete_selected": SIGNIN,
    "admin:axes.accessfailurelog:change": SIGNIN,
    "admin:axes.accessfailurelog:delete": SIGNIN,
    "admin:axes.accessfailurelog:list-action:delete_selected": SIGNIN,
    "admin:axes.accesslog:change": SIGNIN,
    "admin:axes.accesslog:delete": SIGNIN,
    "admin:axes.accesslog:list-action:delete_selected": SIGNIN,
    "admin:otp_static.staticdevice:add": SIGNIN,
    "admin:otp_static.staticdevice:change": SIGNIN,
    "admin:otp_static.staticdevice:delete": SIGNIN,
    "admin:otp_static.staticdevice:list-action:delete_selected": SIGNIN,
    "admin:otp_totp.totpdevice:add": SIGNIN,
    "admin:otp_totp.totpdevice:change": SIGNIN,
    "admin:otp_totp.totpdevice:delete": SIGNIN,
    "admin:otp_totp.totpdevice:list-action:delete_selected": SIGNIN,
    "admin:otp_totp.totpdevice:view:otp_totp_totpdevice_config": SIGNIN,
    "admin:otp_totp.totpdevice:view:otp_totp_totpdevice_qrcode": SIGNIN,
    # The operator's commands (operations) and the search index.
    "command:backup": OPERATOR,
    "command:search_index": OPERATOR,
    "command:upkeep": OPERATOR,
    "command:restore": Journey(
        "test_operations_journeys::test_restoring_a_backup_brings_back_the_pages_readers_saw",
        "a title changed after the backup is gone from the article's pages in every language "
        "once the backup is restored (the cache is emptied); the page reads as before",
    ),
    "admin:operations.jobrun:delete": UPKEEP_RECORDS,
    "admin:operations.jobrun:list-action:delete_selected": UPKEEP_RECORDS,
    "admin:operations.workerheartbeat:delete": UPKEEP_RECORDS,
    "admin:operations.workerheartbeat:list-action:delete_selected": UPKEEP_RECORDS,
    "command:purge_comments": NoEffect(
        f"{COM}::test_purge_comments_keeps_what_readers_see",
        "it deletes only old spam and rejected comments, which readers never see; the "
        "approved comment and the count stay",
    ),
    "command:setup_roles": NoEffect(
        f"{SITE}::test_setup_roles_changes_no_page",
        "groups and permissions only; every kind of page unchanged",
    ),
    "command:seed_bench": Journey(
        f"{SITE}::test_seed_bench_reaches_readers",
        "the seeded articles on the (cached) home pages and in sitemap.xml",
    ),
    "command:i18n_status": NoEffect(
        f"{SITE}::test_i18n_status_changes_no_page",
        "a report: reads catalogues and content, writes nothing",
    ),
    "command:makemessages": NoEffect(
        "test_write_paths_are_covered::test_makemessages_writes_only_catalogues",
        "Django's makemessages with the project's defaults: writes .po files under "
        "locale/, never content; readers see new strings only after a release",
    ),
    # Paths no introspection can list.
    "reader:comment-form": Journey(
        f"{COM}::test_a_reader_comment_waits_then_the_approve_action_publishes_it",
        "a reader's comment (CSRF, signed human check, 'a + b = ?') waits: count stays 0",
    ),
    "time:scheduled-publication": Journey(
        f"{ART}::test_a_scheduled_article_appears_by_itself_at_its_time",
        "hidden until its time, then on home, category, feed, sitemap and search with no "
        "other action",
    ),
    "time:comments-close-by-age": Journey(
        f"{ART}::test_comments_close_by_age_at_that_moment",
        "COMMENTS_CLOSE_AFTER_DAYS: the cached page stops offering the form at that moment",
    ),
    "admin:articles.article:change:comments_closed": Journey(
        f"{ART}::test_closing_comments_in_the_admin_removes_the_form",
        "both pages say comments are closed and offer no form; approved comments stay",
    ),
}

# Keys listed by hand because introspection cannot find them (time passing, readers).
NOT_INTROSPECTED = {
    "reader:comment-form",
    "reader:comment-report",
    "time:scheduled-publication",
    "time:comments-close-by-age",
    "admin:articles.article:change:comments_closed",
}
