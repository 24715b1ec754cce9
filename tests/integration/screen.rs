//! What a parent sees at an 80- and a 120-column terminal: the plan fits, in either language.

use crate::test::Test;
use unicode_width::UnicodeWidthStr;

/// A Xiamen family with a father from another province, twelve days after the birth.
fn xiamen(lang: &str, columns: &str) -> Test {
    Test::new()
        .args(&[
            "plan",
            "--lang",
            lang,
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
        ])
        .args(&["--set", "father_hukou=other"])
        .today("2026-10-20")
        .env("COLUMNS", columns)
}

/// No line wider than `width` display columns.
fn fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(line.width() <= width, "{} columns: {line:?}", line.width());
    }
}

#[test]
fn the_plan_at_80_columns_in_chinese() {
    let out = xiamen("zh", "80").stdout(PLAN_ZH_80).run();
    fits(&String::from_utf8_lossy(&out.stdout), 80);
}

#[test]
fn the_plan_at_120_columns_in_chinese() {
    let out = xiamen("zh", "120").stdout(PLAN_ZH_120).run();
    fits(&String::from_utf8_lossy(&out.stdout), 120);
}

#[test]
fn the_plan_at_80_columns_in_english() {
    let out = xiamen("en", "80").stdout(PLAN_EN_80).run();
    fits(&String::from_utf8_lossy(&out.stdout), 80);
}

#[test]
fn the_plan_at_120_columns_in_english() {
    let out = xiamen("en", "120").stdout(PLAN_EN_120).run();
    fits(&String::from_utf8_lossy(&out.stdout), 120);
}

/// Every command that prints text fits 80 columns (help, tables, the next step, a step's
/// details, the packing list, the manual's source lines aside).
#[test]
fn every_screen_fits_80_columns() {
    let home = crate::test::family("xiamen", "2026-10-08", "2026-10-20");
    for lang in ["zh", "en"] {
        for args in [
            &["plan", "--all"][..],
            &["next"],
            &[],
            &["show", "hukou-registration"],
            &["show", "one-thing-application"],
            &["materials"],
            &["regions"],
            &["facts"],
            &["babies"],
            &["calendar"],
            &["--help"],
            &["plan", "--help"],
            &["init", "--help"],
            &["set", "--help"],
            &["export", "--help"],
            &["test", "--help"],
            &["schema", "--help"],
        ] {
            let out = home
                .share()
                .args(args)
                .args(&["--lang", lang])
                .today("2026-10-20")
                .env("COLUMNS", "80")
                .run();
            fits(&String::from_utf8_lossy(&out.stdout), 80);
        }
    }
}

#[test]
fn all_lists_every_step_and_the_ones_that_do_not_apply() {
    xiamen("zh", "80")
        .args(&["--all"])
        .stdout_contains("health-check-6y")
        .stdout_contains("不适用于本家庭的事项：")
        .stdout_lacks("没有列出")
        .run();
}

#[test]
fn waiting_and_blocked_have_their_own_colours_and_done_is_dim() {
    let home = crate::test::family("xiamen", "2026-10-08", "2026-10-20");
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .run();
    home.share()
        .args(&["plan", "--all", "--color", "always"])
        .today("2026-10-20")
        .stdout_contains("\u{1b}[38;5;10m 可以办 ") // ready: green
        .stdout_contains("\u{1b}[38;5;14m 等待中 ") // waiting: cyan
        .stdout_contains("\u{1b}[38;5;11m 待前置 ") // blocked: yellow
        .stdout_contains("\u{1b}[38;5;8m 已完成") // done: grey
        .stdout_contains("\u{1b}[2m") // and its title dim
        .run();
}

const PLAN_ZH_80: &str = "按默认情况计算（未用 --set 指定的）：mother_hukou=city household=family
  follows=father married=true same_ethnicity=true born_in_region=true
  maternity_insurance=true hospitalised=false
改用 --set FACT=VALUE，例如 --set father_hukou=外省；全部事实见 newborn facts。

厦门市（xiamen）· 出生日期 2026-10-08 · 今天 2026-10-20
注意：厦门“新生儿相关办事服务”写的是在福建落户、参保的办法（向父母户口所在地派出
  所申报户口，到户籍地社区、医保经办机构参保登记）。宝宝不在福建落户的，这些事项
  请在宝宝的户籍地按当地规定办理，参保缴费的期限以当地规定为准；出生医学证明、预
  防接种证和生育保险待遇照常办理。
  （本家庭：宝宝随谁落户：随父，父亲户籍：外省，母亲户籍：本市；不符合：宝宝随之
  落户的父亲或母亲为福建户籍）
“为宝宝申报出生登记（上户口）”、“缴纳城乡居民医疗保险费（税务缴费渠道）”、“办理
  城乡居民医保参保登记（户籍地社区、医保经办机构或网上）”、“申领新生儿社会保障
  卡”：请在户籍地按当地规定办理（全国通用的规定仍然适用）。
路线：分别办理各事项——不能走“新生儿出生“一件事”（网上办事大厅 / 闽政通）”：父母
  双方均为福建户籍（父亲须为福建户籍）（父亲户籍：外省）
如果改为随母落户：本手册“厦门市”的办法会适用于您家（newborn set
  follows=mother）。
共 20 项：可以办 4 · 请确认 1 · 等待中 12 · 户籍地办 3 · 最近截止 2026-11-08（到
  居住地预防接种单位建立《预防接种证》）
 #   事项                                     截止日期       剩余      状态
────────────────────────────────────────────────────────────────────────────────
  1  到居住地预防接种单位建立《预防接种证》   2026-11-08     还有19天  可以办
     vaccination-certificate                  窗口 11-06
  2  为宝宝申报出生登记（上户口）             2026-11-08     还有19天  可以办
     hukou-registration                       窗口 11-06
  3  新生儿家庭访视（第1次免费健康检查）      —              —         请确认
     health-check-home-visit
  4  到出生的医疗保健机构领取《出生医学证明   —              —         可以办
     》
     birth-certificate
  5  申领生育保险待遇（生育津贴）             —              —         可以办
     maternity-benefits
  6  满月（1月龄）儿童健康检查（第2次免费健   2026-11-08 起  —         等待中
     康检查）
     health-check-1m
 18  缴纳城乡居民医疗保险费（税务缴费渠道）   —              —         户籍地办
     medical-insurance-payment
 19  办理城乡居民医保参保登记（户籍地社区、   —              —         户籍地办
     医保经办机构或网上）
     medical-insurance
 20  申领新生儿社会保障卡                     —              —         户籍地办
     social-security-card
另有 11 项以后再办，没有列出（newborn plan --all 列出全部）
";

const PLAN_ZH_120: &str = "按默认情况计算（未用 --set 指定的）：mother_hukou=city household=family follows=father married=true same_ethnicity=true
  born_in_region=true maternity_insurance=true hospitalised=false
改用 --set FACT=VALUE，例如 --set father_hukou=外省；全部事实见 newborn facts。

厦门市（xiamen）· 出生日期 2026-10-08 · 今天 2026-10-20
注意：厦门“新生儿相关办事服务”写的是在福建落户、参保的办法（向父母户口所在地派出所申报户口，到户籍地社区、医保经办机构参
  保登记）。宝宝不在福建落户的，这些事项请在宝宝的户籍地按当地规定办理，参保缴费的期限以当地规定为准；出生医学证明、预防
  接种证和生育保险待遇照常办理。
  （本家庭：宝宝随谁落户：随父，父亲户籍：外省，母亲户籍：本市；不符合：宝宝随之落户的父亲或母亲为福建户籍）
“为宝宝申报出生登记（上户口）”、“缴纳城乡居民医疗保险费（税务缴费渠道）”、“办理城乡居民医保参保登记（户籍地社区、医保经
  办机构或网上）”、“申领新生儿社会保障卡”：请在户籍地按当地规定办理（全国通用的规定仍然适用）。
路线：分别办理各事项——不能走“新生儿出生“一件事”（网上办事大厅 / 闽政通）”：父母双方均为福建户籍（父亲须为福建户籍）（父
  亲户籍：外省）
如果改为随母落户：本手册“厦门市”的办法会适用于您家（newborn set follows=mother）。
共 20 项：可以办 4 · 请确认 1 · 等待中 12 · 户籍地办 3 · 最近截止 2026-11-08（到居住地预防接种单位建立《预防接种证》）
 #   事项                                                        截止日期       剩余      状态
───────────────────────────────────────────────────────────────────────────────────────────────────
  1  到居住地预防接种单位建立《预防接种证》                      2026-11-08     还有19天  可以办
     vaccination-certificate                                     窗口 11-06
  2  为宝宝申报出生登记（上户口）                                2026-11-08     还有19天  可以办
     hukou-registration                                          窗口 11-06
  3  新生儿家庭访视（第1次免费健康检查）                         —              —         请确认
     health-check-home-visit
  4  到出生的医疗保健机构领取《出生医学证明》                    —              —         可以办
     birth-certificate
  5  申领生育保险待遇（生育津贴）                                —              —         可以办
     maternity-benefits
  6  满月（1月龄）儿童健康检查（第2次免费健康检查）              2026-11-08 起  —         等待中
     health-check-1m
 18  缴纳城乡居民医疗保险费（税务缴费渠道）                      —              —         户籍地办
     medical-insurance-payment
 19  办理城乡居民医保参保登记（户籍地社区、医保经办机构或网上）  —              —         户籍地办
     medical-insurance
 20  申领新生儿社会保障卡                                        —              —         户籍地办
     social-security-card
另有 11 项以后再办，没有列出（newborn plan --all 列出全部）
";

const PLAN_EN_80: &str = "Assumed (not given with --set): mother_hukou=city household=family
  follows=father married=true same_ethnicity=true born_in_region=true
  maternity_insurance=true hospitalised=false
Change with --set FACT=VALUE, e.g. --set father_hukou=other; every fact: newborn
  facts.

Xiamen (xiamen) · born 2026-10-08 · today 2026-10-20
Note: 厦门“新生儿相关办事服务”写的是在福建落户、参保的办法（向父母户口所在地派出
  所申报户口，到户籍地社区、医保经办机构参保登记）。宝宝不在福建落户的，这些事项
  请在宝宝的户籍地按当地规定办理，参保缴费的期限以当地规定为准；出生医学证明、预
  防接种证和生育保险待遇照常办理。
  (this family: the baby is registered with: father, the father's hukou: other,
  the mother's hukou: city; not: 宝宝随之落户的父亲或母亲为福建户籍)
\"Register the birth (hukou)\", \"Pay the resident medical insurance premium\",
  \"Enrol in resident medical insurance\", \"Apply for the social security card\":
  at your hukou place, under that place's rules (national rules still apply).
Route: Separate steps — cannot take \"The bundled application (出生一件事)\": 父母
  双方均为福建户籍（父亲须为福建户籍） (the father's hukou: other)
If the baby were registered with the mother, the Xiamen playbook's own steps
  would apply (newborn set follows=mother).
20 steps: ready 4 · confirm 1 · waiting 12 · hukou place 3 · next deadline
  2026-11-08 (Open the vaccination certificate at the local vaccination clinic)
 #   Step                            Deadline         Left          Status
────────────────────────────────────────────────────────────────────────────────
  1  Open the vaccination            2026-11-08       19 days left  ready
     certificate at the local        office by 11-06
     vaccination clinic
     vaccination-certificate
  2  Register the birth (hukou)      2026-11-08       19 days left  ready
     hukou-registration              office by 11-06
  3  Newborn home visit (free check  —                —             confirm
     1 of 13)
     health-check-home-visit
  4  Get the birth certificate at    —                —             ready
     the birth hospital
     birth-certificate
  5  Claim maternity insurance       —                —             ready
     benefits
     maternity-benefits
  6  Child health check at 1 month   from 2026-11-08  —             waiting
     (free check 2 of 13)
     health-check-1m
 18  Pay the resident medical        —                —             hukou place
     insurance premium
     medical-insurance-payment
 19  Enrol in resident medical       —                —             hukou place
     insurance
     medical-insurance
 20  Apply for the social security   —                —             hukou place
     card
     social-security-card
11 later steps not shown (newborn plan --all shows every step)
";

const PLAN_EN_120: &str = "Assumed (not given with --set): mother_hukou=city household=family follows=father married=true same_ethnicity=true
  born_in_region=true maternity_insurance=true hospitalised=false
Change with --set FACT=VALUE, e.g. --set father_hukou=other; every fact: newborn facts.

Xiamen (xiamen) · born 2026-10-08 · today 2026-10-20
Note: 厦门“新生儿相关办事服务”写的是在福建落户、参保的办法（向父母户口所在地派出所申报户口，到户籍地社区、医保经办机构参
  保登记）。宝宝不在福建落户的，这些事项请在宝宝的户籍地按当地规定办理，参保缴费的期限以当地规定为准；出生医学证明、预防
  接种证和生育保险待遇照常办理。
  (this family: the baby is registered with: father, the father's hukou: other, the mother's hukou: city; not: 宝宝随之
  落户的父亲或母亲为福建户籍)
\"Register the birth (hukou)\", \"Pay the resident medical insurance premium\", \"Enrol in resident medical insurance\",
  \"Apply for the social security card\": at your hukou place, under that place's rules (national rules still apply).
Route: Separate steps — cannot take \"The bundled application (出生一件事)\": 父母双方均为福建户籍（父亲须为福建户籍）
  (the father's hukou: other)
If the baby were registered with the mother, the Xiamen playbook's own steps would apply (newborn set follows=mother).
20 steps: ready 4 · confirm 1 · waiting 12 · hukou place 3 · next deadline 2026-11-08 (Open the vaccination certificate
  at the local vaccination clinic)
 #   Step                                                              Deadline         Left          Status
──────────────────────────────────────────────────────────────────────────────────────────────────────────────────
  1  Open the vaccination certificate at the local vaccination clinic  2026-11-08       19 days left  ready
     vaccination-certificate                                           office by 11-06
  2  Register the birth (hukou)                                        2026-11-08       19 days left  ready
     hukou-registration                                                office by 11-06
  3  Newborn home visit (free check 1 of 13)                           —                —             confirm
     health-check-home-visit
  4  Get the birth certificate at the birth hospital                   —                —             ready
     birth-certificate
  5  Claim maternity insurance benefits                                —                —             ready
     maternity-benefits
  6  Child health check at 1 month (free check 2 of 13)                from 2026-11-08  —             waiting
     health-check-1m
 18  Pay the resident medical insurance premium                        —                —             hukou place
     medical-insurance-payment
 19  Enrol in resident medical insurance                               —                —             hukou place
     medical-insurance
 20  Apply for the social security card                                —                —             hukou place
     social-security-card
11 later steps not shown (newborn plan --all shows every step)
";
