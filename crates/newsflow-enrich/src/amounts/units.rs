//! Unit and currency normalisation: currencies become ISO 4217 codes,
//! measures a short symbol, time spans a plural word.

/// Currency of a symbol written before a number. `"$"` alone is taken as
/// US dollars and `"¥"` as yen (the usual newswire meaning).
pub(crate) fn currency_symbol(prefix: &str, symbol: &str) -> Option<&'static str> {
    Some(match (prefix, symbol) {
        ("", "$") | ("US", "$") | ("U.S.", "$") => "USD",
        ("A" | "AU", "$") => "AUD",
        ("C" | "CA" | "Can", "$") => "CAD",
        ("HK", "$") => "HKD",
        ("NZ", "$") => "NZD",
        ("S", "$") => "SGD",
        ("R", "$") => "BRL",
        ("NT", "$") => "TWD",
        ("", "£") => "GBP",
        ("", "€") => "EUR",
        ("", "¥") => "JPY",
        ("", "₹") => "INR",
        ("", "₩") => "KRW",
        ("", "₽") => "RUB",
        ("", "₺") => "TRY",
        ("", "₪") => "ILS",
        ("", "₦") => "NGN",
        _ => return None,
    })
}

/// ISO 4217 codes written as words ("USD 5", "5 EUR"), plus "Rs".
pub(crate) fn currency_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "CHF" => "CHF",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "INR" | "Rs" => "INR",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "KRW" => "KRW",
        "RUB" => "RUB",
        "BRL" => "BRL",
        "ZAR" => "ZAR",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "MXN" => "MXN",
        "NGN" => "NGN",
        "TRY" => "TRY",
        _ => return None,
    })
}

/// Currency named after the number ("5 dollars") and the factor to the
/// main unit (pence and cents are hundredths).
pub(crate) fn currency_word(lower: &str) -> Option<(&'static str, f64)> {
    Some(match lower {
        "dollar" | "dollars" => ("USD", 1.0),
        "cent" | "cents" => ("USD", 0.01),
        "euro" | "euros" => ("EUR", 1.0),
        "pound" | "pounds" | "sterling" => ("GBP", 1.0),
        "pence" | "p" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        "rand" => ("ZAR", 1.0),
        "naira" => ("NGN", 1.0),
        "shekel" | "shekels" => ("ILS", 1.0),
        "lira" => ("TRY", 1.0),
        "rupiah" => ("IDR", 1.0),
        "ringgit" => ("MYR", 1.0),
        "baht" => ("THB", 1.0),
        "dirham" | "dirhams" => ("AED", 1.0),
        "riyal" | "riyals" => ("SAR", 1.0),
        "peso" | "pesos" => ("MXN", 1.0),
        _ => return None,
    })
}

/// Measures and time spans after a number, lower-case, to their unit.
pub(crate) fn measure(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "percent" | "pct" => "percent",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "mile" | "miles" | "mi" => "mi",
        "feet" | "foot" | "ft" => "ft",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "gram" | "grams" | "g" => "g",
        "tonne" | "tonnes" | "ton" | "tons" => "t",
        "lb" | "lbs" => "lb",
        "litre" | "litres" | "liter" | "liters" => "l",
        "barrel" | "barrels" | "bpd" => "barrels",
        "hectare" | "hectares" | "ha" => "ha",
        "acre" | "acres" => "acres",
        "mph" => "mph",
        "kph" => "km/h",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "degree" | "degrees" => "degrees",
        "second" | "seconds" => "seconds",
        "minute" | "minutes" => "minutes",
        "hour" | "hours" => "hours",
        "day" | "days" => "days",
        "week" | "weeks" => "weeks",
        "month" | "months" => "months",
        "year" | "years" | "yr" | "yrs" => "years",
        "decade" | "decades" => "decades",
        "century" | "centuries" => "centuries",
        "people" | "persons" | "person" => "people",
        _ => return None,
    })
}

/// Words that never name what a number counts.
pub(crate) fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "per"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "said"
            | "says"
            | "say"
            | "told"
            | "more"
            | "less"
            | "fewer"
            | "times"
            | "if"
            | "but"
            | "so"
            | "not"
            | "out"
            | "up"
            | "down"
            | "over"
            | "under"
            | "into"
            | "after"
            | "before"
            | "since"
            | "until"
            | "when"
            | "while"
            | "where"
            | "this"
            | "these"
            | "those"
            | "there"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "they"
            | "we"
            | "he"
            | "she"
            | "it"
            | "you"
            | "i"
            | "them"
            | "us"
            | "him"
            | "do"
            | "did"
            | "does"
            | "each"
            | "all"
            | "both"
            | "about"
            | "against"
            | "between"
            | "among"
            | "through"
            | "during"
            | "without"
            | "within"
            | "also"
            | "only"
            | "just"
            | "even"
            | "still"
            | "then"
            | "now"
            | "here"
            | "such"
            | "what"
            | "how"
            | "why"
            | "because"
            | "though"
            | "although"
            | "yet"
            | "nor"
            | "another"
            | "any"
            | "some"
            | "most"
            | "many"
            | "much"
            | "few"
            | "very"
            | "too"
            | "again"
            | "ago"
            | "later"
            | "earlier"
            | "points"
            | "point"
    )
}

/// Adjectives that sit between a number and its noun ("eight other crew members").
pub(crate) fn is_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "other"
            | "additional"
            | "extra"
            | "new"
            | "further"
            | "separate"
            | "different"
            | "more"
            | "fewer"
            | "young"
            | "small"
            | "large"
            | "big"
            | "major"
            | "key"
            | "former"
            | "senior"
            | "unarmed"
            | "armed"
            | "foreign"
            | "local"
            | "civilian"
            | "british"
            | "american"
            | "full"
            | "consecutive"
            | "straight"
            | "previous"
            | "successive"
            | "straight-"
            | "remaining"
            | "missing"
            | "injured"
            | "dead"
    )
}

/// A unit this module normalised (currency code or measure), as opposed
/// to a counted noun copied from the text.
pub(crate) fn is_normalised(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
        || measure(unit).is_some()
        || unit.contains("percent")
}
