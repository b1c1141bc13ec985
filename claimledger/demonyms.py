"""Nationality words → country names, one table for speaker affiliations and entity linking."""

DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "bangladeshi": "Bangladesh",
    "belarusian": "Belarus", "belgian": "Belgium", "brazilian": "Brazil", "canadian": "Canada", "chilean": "Chile",
    "chinese": "China", "colombian": "Colombia", "czech": "Czech Republic", "danish": "Denmark",
    "egyptian": "Egypt", "english": "England", "ethiopian": "Ethiopia", "european": "European Union",
    "finnish": "Finland", "french": "France", "georgian": "Georgia", "german": "Germany", "greek": "Greece",
    "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq",
    "irish": "Ireland", "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "kenyan": "Kenya",
    "korean": "Korea", "lebanese": "Lebanon", "malaysian": "Malaysia", "mexican": "Mexico", "moroccan": "Morocco",
    "burmese": "Myanmar", "nepalese": "Nepal", "nepali": "Nepal", "dutch": "Netherlands", "nigerian": "Nigeria",
    "north korean": "North Korea", "norwegian": "Norway", "pakistani": "Pakistan", "palestinian": "Palestine",
    "peruvian": "Peru", "filipino": "Philippines", "philippine": "Philippines", "polish": "Poland",
    "portuguese": "Portugal", "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia",
    "scottish": "Scotland", "south african": "South Africa", "south korean": "South Korea", "spanish": "Spain",
    "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan",
    "thai": "Thailand", "turkish": "Turkey", "ukrainian": "Ukraine", "british": "United Kingdom",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "american": "United States", "u.s.": "United States",
    "us": "United States", "venezuelan": "Venezuela", "vietnamese": "Vietnam", "welsh": "Wales", "western": "West",
    "yemeni": "Yemen",
}
