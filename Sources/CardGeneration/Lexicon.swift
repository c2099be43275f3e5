/// Closed word lists the rules rely on. General English only: nothing here names an article.
enum Lexicon {
    static func set(_ s: String) -> Set<String> { Set(s.split(separator: " ").map(String.init)) }

    static let stopWords = set("""
        a an the and or but nor so yet for of in on at to from by with without about above below over under \
        into onto upon out up down off through during before after since until while as than then there here \
        this that these those it its it's they them their theirs he him his she her hers we us our ours you your \
        i me my mine who whom whose which what when where why how all any both each every few more most other \
        some such no not only own same too very can will just should now is are was were be been being have has \
        had having do does did doing would could may might must shall also even still however though although \
        because if whether either neither one ones many much several another again further once around across \
        along among between within per via whereas thus hence therefore moreover additionally finally instead \
        meanwhile nevertheless nonetheless furthermore indeed overall today yesterday
        """)

    /// Sentence-opening words that are capitalised only because they open the sentence.
    static let openers = set("""
        a an the and or but so yet for of in on at to from by with about after before during since until while \
        as this that these those it its they their he his she her we our you your i my there here however though \
        although because if when where why how what which who whom whose all any both each every few more most \
        other some such no not only many much several another also even still despite following according \
        perhaps maybe today yesterday now then later finally moreover additionally furthermore meanwhile \
        nevertheless nonetheless indeed overall instead unlike like over under between among within without \
        through throughout around near beyond once upon one two three four five six seven eight nine ten \
        first second third last next new old famous notable most many
        """)

    /// Words inside a proper name that may stay lower case ("Bank of Korea", "Newcastle upon Tyne").
    static let nameConnectors = set("of the for and upon de del della di da von van der den le la du des")

    /// Temperature scales and other unit names written capitalised: part of a measure, never an answer alone.
    static let unitNames = set("celsius fahrenheit kelvin c f k")

    /// Role nouns before a name ("the physician René Laennec", "the Frenchman Pierre Perrault"): the name is a person.
    static let roleNouns = set("""
        physician surgeon astronomer chemist physicist mathematician physiologist biologist botanist geologist \
        zoologist engineer inventor explorer navigator philosopher poet novelist writer author composer painter \
        artist sculptor architect economist historian emperor king queen general admiral president minister \
        scientist researcher professor doctor nurse merchant missionary priest bishop politician statesman \
        journalist lawyer judge actor actress singer musician founder director naturalist anatomist pianist \
        violinist conductor playwright theologian reformer monk pope saint sultan pharaoh chancellor governor \
        mayor senator prophet leader commander officer captain explorer pilot astronaut cosmonaut
        """)

    /// A demonym used as a noun before a name ("Frenchman", "Englishwoman", "Dutchmen").
    static func isDemonymNoun(_ w: String) -> Bool {
        for suf in ["man", "woman", "men", "women"] where w.hasSuffix(suf) && w.count > suf.count + 3 {
            let stem = String(w.dropLast(suf.count))
            if demonyms[stem] != nil || ["french", "english", "dutch", "scots", "irish", "welsh", "norse", "swiss", "chinese"].contains(stem) { return true }
        }
        return false
    }

    /// Time and quantity qualifiers that make a number's statement true ("a day", "per minute", "each year", "on average").
    static let qualifierUnits = set("""
        second seconds minute minutes hour hours day days night week weeks month months year years decade decades \
        century centuries lifetime person capita head kilogram kg litre liter metre meter mile kilometre kilometer \
        cycle beat breath generation season annum
        """)
    static let qualifierWords = set("annually daily yearly monthly weekly hourly nightly apiece each")

    static let hedges = set("""
        could may might perhaps maybe possibly probably likely unlikely potentially presumably \
        should ought seems seem seemed appears appear appeared suggest suggests suggested suggesting \
        believe believes believed think thinks thought hope hopes hoped feel feels arguably supposedly \
        allegedly reportedly apparently would will shall
        """)

    /// Opinion / evaluative words: lower a card's score.
    static let evaluative = set("""
        important notable remarkable significant especially interesting unique major key crucial essential \
        great greatest best worst amazing incredible impressive successful beautiful famous popular vital \
        unimaginable increasingly slowly carefully
        """)

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
        "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
    ]
    static let weekdays = set("monday tuesday wednesday thursday friday saturday sunday")

    static let numberWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "dozen": 12,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    ]
    static let scaleWords: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9,
    ]
    static let currencyWords = set("dollars dollar euros euro pounds pound yen yuan rupees rupee francs franc marks")
    static let currencySymbols: [String: String] = ["$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"]

    /// Units that belong to a number's answer ("60 km", "15.5 ha").
    static let units = set("""
        millimeter millimeters millimetre millimetres centimeter centimeters centimetre centimetres \
        km kilometres kilometers kilometre kilometer mi miles mile m metres meters metre meter ft feet foot \
        cm mm inches inch ha hectares hectare acres acre kg kilograms kilogram g grams tonnes tons tonne ton \
        lb lbs pounds mph km/h °c °f degrees degree km2 sq square cubic years year months month days day hours hour \
        minutes minute seconds second weeks week centuries decades mw gw kw kwh volts watts
        """)

    static let approximators: [String: String] = [
        "around": "About", "about": "About", "approximately": "About", "roughly": "About",
        "nearly": "Nearly", "almost": "Almost", "some": "About", "over": "More than",
        "estimated": "About", "circa": "About",
    ]

    static let orgWords = set("""
        union organization organisation institute institution university college school academy council \
        committee commission company corporation corp. inc. inc ltd ltd. llc group association bank agency \
        party nations society board church museum ministry department office bureau foundation fund trust \
        federation league club team army navy force forces court parliament congress senate assembly \
        government authority service services network broadcasting airlines airways railway press times \
        news post journal laboratory laboratories center centre hospital library orchestra band records \
        studios index alliance coalition movement order conference summit forum program programme project \
        initiative treaty agreement convention act
        """)
    static let placeWords = set("""
        river lake mountain mountains mount mt. sea ocean bay gulf island islands peninsula valley desert \
        forest park street road avenue square city town village county province state region district \
        kingdom republic empire coast hill hills canyon falls bridge palace castle garden gardens cathedral \
        airport station harbour harbor port strait channel basin plateau plain plains
        """)
    static let personTitles = set("""
        mr mr. mrs mrs. ms ms. dr dr. sir lady lord king queen prince princess president prime minister \
        general gen. colonel captain pope saint st. bishop professor prof. emperor sultan chancellor senator \
        governor mayor judge
        """)
    static let countries = set("""
        afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas \
        bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei \
        bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba \
        cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland \
        france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary \
        iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati \
        korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania \
        luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia \
        moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands \
        holland nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines \
        poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia \
        slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand \
        togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela \
        vietnam yemen zambia zimbabwe england scotland wales britain america prussia ussr usa uk u.s. u.k.
        """)
    /// Continents and world regions: places, but never among a country's options.
    static let regions = set("""
        europe asia africa antarctica australasia oceania north_america south_america latin_america middle_east \
        scandinavia balkans caribbean
        """)
    /// Names that are countries but span several words.
    static let countryPhrases = set("""
        north_korea south_korea united_states united_kingdom new_zealand south_africa saudi_arabia \
        sri_lanka costa_rica el_salvador czech_republic dominican_republic ivory_coast sierra_leone \
        papua_new_guinea soviet_union united_arab_emirates east_timor north_macedonia great_britain
        """)
    /// Demonyms that give their country away and are not prefixes of it.
    static let demonyms: [String: String] = [
        "spanish": "spain", "french": "france", "british": "britain", "english": "england", "dutch": "netherlands",
        "polish": "poland", "swiss": "switzerland", "welsh": "wales", "scottish": "scotland", "irish": "ireland",
        "danish": "denmark", "swedish": "sweden", "finnish": "finland", "turkish": "turkey", "greek": "greece",
        "portuguese": "portugal", "peruvian": "peru", "norwegian": "norway", "icelandic": "iceland",
        "american": "america", "chinese": "china", "japanese": "japan", "vietnamese": "vietnam",
    ]

    static let determiners = set("""
        the a an its their his her our your my this that these those some many most several all each every \
        both few no any another such
        """)
    static let prepositions = set("""
        in on at to from by with without about of for into onto upon over under through during before after \
        since until between among within across along around against towards toward via near beyond behind \
        beside despite like than per throughout
        """)
    static let subordinators = set("""
        which who whom whose where while whereas although though because as since when if unless until \
        but yet so after before whilst
        """)
    static let subjectPronouns = set("he she it they this these those we i you")

    static let auxiliaries: [String: (base: String, past: Bool)] = [
        "is": ("be", false), "are": ("be", false), "was": ("be", true), "were": ("be", true),
        "has": ("have", false), "have": ("have", false), "had": ("have", true),
        "can": ("can", false), "will": ("will", false), "would": ("would", true), "could": ("could", true),
        "does": ("do", false), "do": ("do", false), "did": ("do", true), "must": ("must", false),
        "should": ("should", false), "may": ("may", false), "might": ("might", true),
    ]

    static let adverbs = set("""
        also further still even already recently now then later first finally never often always soon once \
        again formally officially originally initially eventually subsequently currently previously \
        immediately jointly largely mainly mostly partly primarily successfully publicly repeatedly \
        consistently increasingly gradually quickly slowly widely newly only just long
        """)

    /// Irregular past tense -> base form.
    static let irregularPast: [String: String] = {
        var d: [String: String] = [:]
        let pairs = """
            arose:arise awoke:awake bore:bear beat:beat became:become began:begin bent:bend bet:bet bid:bid \
            bit:bite bled:bleed blew:blow broke:break bred:breed brought:bring built:build burnt:burn burst:burst \
            bought:buy cast:cast caught:catch chose:choose clung:cling came:come cost:cost crept:creep cut:cut \
            dealt:deal dug:dig did:do drew:draw drank:drink drove:drive ate:eat fell:fall fed:feed felt:feel \
            fought:fight found:find fled:flee flew:fly forbade:forbid forgot:forget forgave:forgive froze:freeze \
            got:get gave:give went:go grew:grow hung:hang heard:hear hid:hide hit:hit held:hold hurt:hurt \
            kept:keep knew:know laid:lay led:lead left:leave lent:lend let:let lay:lie lit:light lost:lose \
            made:make meant:mean met:meet paid:pay put:put quit:quit read:read rode:ride rang:ring rose:rise \
            ran:run said:say saw:see sought:seek sold:sell sent:send set:set shook:shake shone:shine shot:shoot \
            showed:show shut:shut sang:sing sank:sink sat:sit slept:sleep slid:slide spoke:speak spent:spend \
            spun:spin spread:spread sprang:spring stood:stand stole:steal stuck:stick struck:strike strove:strive \
            swore:swear swept:sweep swam:swim swung:swing took:take taught:teach tore:tear told:tell thought:think \
            threw:throw understood:understand undertook:undertake upheld:uphold woke:wake wore:wear won:win \
            wound:wind withdrew:withdraw wrote:write overcame:overcome overtook:overtake oversaw:oversee \
            rebuilt:rebuild foresaw:foresee withheld:withhold mistook:mistake outgrew:outgrow
            """
        for p in pairs.split(separator: " ") {
            let parts = p.split(separator: ":")
            d[String(parts[0])] = String(parts[1])
        }
        return d
    }()
    /// Irregular past participles (for passives: "was built").
    static let irregularParticiples = set("""
        arisen borne born beaten become begun bent bitten bled blown broken bred brought built burnt bought \
        caught chosen come cost cut dealt dug done drawn drunk driven eaten fallen fed felt fought found fled \
        flown forbidden forgotten forgiven frozen got gotten given gone grown hung heard hidden hit held hurt \
        kept known laid led left lent let lain lit lost made meant met paid put read ridden rung risen run said \
        seen sought sold sent set shaken shone shot shown shut sung sunk sat slept slid spoken spent spun spread \
        stood stolen stuck struck sworn swept swum taken taught torn told thought thrown understood undertaken \
        upheld woken worn won wound withdrawn written overcome overseen rebuilt
        """)
    /// Words ending in "ed" or "s" that are not verbs.
    static let notVerbs = set("""
        need seed speed breed feed deed red bed shed bled fled united limited advanced red hundred kindred \
        sacred naked wicked rugged beloved aged learned supposed alleged so-called news series species \
        means mathematics physics economics politics always perhaps is was has does its this thus as us \
        bus gas plus status campus census virus bonus focus basis crisis analysis thesis axis canvas \
        various famous previous numerous serious obvious enormous dangerous religious glorious \
        tremendous anonymous continuous less unless across across whereas towards afterwards
        """)
}
