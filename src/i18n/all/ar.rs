//! Arabic, Modern Standard, right to left. Counted phrases use all six CLDR forms: the
//! noun alone for 1 and the dual for 2 (as Arabic writes them, without the digit), the
//! plural for 3-10, the accusative singular for 11-99, the genitive singular for 100,
//! 101, 102...; `zero` falls back to `other` except where Arabic says "no likes".

use crate::article::ArticleText;
use crate::comments::text::{CommentsText, Plural, SectionText};
use crate::i18n::{Direction, Locale};
use crate::plural::PluralRule;
use crate::share::ShareText;

const fn p(one: &'static str, two: &'static str, few: &'static str, many: &'static str, other: &'static str) -> Plural {
    Plural { one: Some(one), two: Some(two), few: Some(few), many: Some(many), ..Plural::new(PluralRule::Ar, other) }
}

/// Arabic (العربية).
pub static AR: Locale = Locale {
    tag: "ar",
    dir: Direction::Rtl,
    article: ArticleText {
        by: "بقلم",
        and: "و",
        min_read: p(
            "دقيقة واحدة للقراءة",
            "دقيقتان للقراءة",
            "{n} دقائق للقراءة",
            "{n} دقيقة للقراءة",
            "{n} دقيقة للقراءة",
        ),
        updated: "آخر تحديث",
        about_author: "عن الكاتب",
        tags: "الوسوم",
        loading: "جارٍ تحميل المقال…",
        err_options: "لم يُضبط Folio بشكل صحيح",
        err_syntax: "المقال ليس JSON صالحًا",
        err_invalid: "في المقال أخطاء",
        err_fetch: "تعذّر تحميل المقال",
        date: "{d} {month} {y}",
        months: "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
    },
    share: ShareText {
        nav_label: "شارك هذا المقال",
        share_on: "شارك عبر {network}",
        copy_link: "نسخ الرابط",
        link_copied: "تم نسخ الرابط",
        copy_failed: "تعذّر النسخ. حدّد الرابط أدناه وانسخه.",
        native_share: "مشاركة…",
        native_share_label: "مشاركة",
        link_field_label: "رابط هذا المقال",
    },
    comments: CommentsText {
        section: SectionText {
            heading: "التعليقات",
            loading: "جارٍ تحميل التعليقات…",
            retry: "إعادة المحاولة",
            err_network: "لم يستجب خادم التعليقات. تحقّق من اتصالك وحاول مجددًا.",
        },
        count: Plural {
            zero: Some("لا تعليقات"),
            ..p("تعليق واحد", "تعليقان", "{n} تعليقات", "{n} تعليقًا", "{n} تعليق")
        },
        empty: "لا توجد تعليقات بعد. كن أول من يعلّق.",
        sort_label: "الترتيب حسب",
        sort_oldest: "الأقدم أولًا",
        sort_newest: "الأحدث أولًا",
        sort_top: "الأكثر إعجابًا",
        load_more: "تحميل المزيد من التعليقات",
        more_replies: p("عرض ردّ آخر", "عرض ردّين آخرين", "عرض {n} ردود أخرى", "عرض {n} ردًّا آخر", "عرض {n} ردّ آخر"),
        anonymous: "مجهول",
        reply: "ردّ",
        like: "أعجبني",
        likes: Plural {
            zero: Some("لا إعجابات"),
            ..p("إعجاب واحد", "إعجابان", "{n} إعجابات", "{n} إعجابًا", "{n} إعجاب")
        },
        edited: "معدَّل",
        awaiting_moderation: "بانتظار المراجعة",
        deleted: "حُذف هذا التعليق.",
        form_heading: "أضف تعليقًا",
        reply_heading: "اكتب ردًّا",
        text_label: "التعليق",
        name_label: "الاسم",
        email_label: "البريد الإلكتروني",
        email_hint: "لن يُعرض للعموم أبدًا.",
        website_label: "الموقع الإلكتروني",
        optional: "(اختياري)",
        submit: "نشر التعليق",
        posting: "جارٍ النشر…",
        cancel: "إلغاء",
        honeypot: "اترك هذا الحقل فارغًا",
        posted: "نُشر تعليقك.",
        moderation: "شكرًا لك! سيظهر تعليقك بعد أن يوافق عليه المشرف.",
        edit: "تعديل",
        save: "حفظ",
        delete: "حذف",
        confirm_delete: "هل تريد الحذف فعلًا؟",
        edit_label: "عدّل تعليقك",
        retrying: "جارٍ إعادة المحاولة…",
        sent_unconfirmed: "أُرسل تعليقك، لكن تعذّرت قراءة رد الخادم. يُفترض أن يظهر عند إعادة تحميل التعليقات.",
        draft_kept: "تعليقك محفوظ هنا؛ يمكنك نشره مجددًا متى شئت.",
        waiting: "في انتظار الإرسال: سيُرسَل تعليقك فور التمكّن من الوصول إلى خادم التعليقات.",
        cancel_sending: "إلغاء الإرسال",
        just_now: "الآن",
        minutes_ago: p("منذ دقيقة", "منذ دقيقتين", "منذ {n} دقائق", "منذ {n} دقيقة", "منذ {n} دقيقة"),
        hours_ago: p("منذ ساعة", "منذ ساعتين", "منذ {n} ساعات", "منذ {n} ساعة", "منذ {n} ساعة"),
        yesterday: "أمس",
        days_ago: p("منذ يوم", "منذ يومين", "منذ {n} أيام", "منذ {n} يومًا", "منذ {n} يوم"),
        months_ago: p("منذ شهر", "منذ شهرين", "منذ {n} أشهر", "منذ {n} شهرًا", "منذ {n} شهر"),
        years_ago: p("منذ سنة", "منذ سنتين", "منذ {n} سنوات", "منذ {n} سنة", "منذ {n} سنة"),
        err_server: "واجه خادم التعليقات مشكلة. يُرجى المحاولة مجددًا بعد قليل.",
        err_rate_limited: "تعليقات كثيرة في وقت قصير.",
        err_wait: p(
            "يُرجى الانتظار ثانية واحدة ثم المحاولة مجددًا.",
            "يُرجى الانتظار ثانيتين ثم المحاولة مجددًا.",
            "يُرجى الانتظار {n} ثوانٍ ثم المحاولة مجددًا.",
            "يُرجى الانتظار {n} ثانية ثم المحاولة مجددًا.",
            "يُرجى الانتظار {n} ثانية ثم المحاولة مجددًا.",
        ),
        err_wait_unknown: "يُرجى الانتظار قليلًا ثم المحاولة مجددًا.",
        err_rejected: "لم يُقبل التعليق",
        err_bad_response: "تعذّرت قراءة ردّ خادم التعليقات. يُرجى المحاولة لاحقًا.",
        err_too_large: "هذا التعليق أطول من أن يُنشر. يُرجى اختصاره.",
        val_text_required: "يُرجى كتابة تعليق.",
        val_text_short: p(
            "يجب ألا يقل التعليق عن حرف واحد.",
            "يجب ألا يقل التعليق عن حرفين.",
            "يجب ألا يقل التعليق عن {n} أحرف.",
            "يجب ألا يقل التعليق عن {n} حرفًا.",
            "يجب ألا يقل التعليق عن {n} حرف.",
        ),
        val_text_long: p(
            "يجب ألا يزيد التعليق على حرف واحد.",
            "يجب ألا يزيد التعليق على حرفين.",
            "يجب ألا يزيد التعليق على {n} أحرف.",
            "يجب ألا يزيد التعليق على {n} حرفًا.",
            "يجب ألا يزيد التعليق على {n} حرف.",
        ),
        val_name_required: "يُرجى إدخال اسمك.",
        val_email_required: "يُرجى إدخال بريدك الإلكتروني.",
        val_email_invalid: "يُرجى إدخال بريد إلكتروني صالح، مثل name@example.com.",
        val_website_invalid: "يُرجى إدخال عنوان ويب كامل يبدأ بـ https://",
    },
};
