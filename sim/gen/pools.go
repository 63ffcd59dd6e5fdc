package gen

// Shared string pools. Rows reference these strings, so a large dataset does
// not hold a private copy of every name, street or text.

// Municipality is the fictional municipality that owns all registrations.
const (
	MunicipalityName = "Gemeente Dommelvoort"
	// MunicipalityRSIN is the bronorganisatie of every zaak, document,
	// klant, contactmoment and verzoek (a valid RSIN, 11-proef).
	MunicipalityRSIN = "001589738"
	municipalityWeb  = "https://www.dommelvoort.example.nl"
)

var maleNames = []string{
	"Jan", "Pieter", "Kees", "Henk", "Willem", "Johannes", "Gerrit", "Hendrik", "Cornelis", "Dirk",
	"Bram", "Daan", "Sem", "Lucas", "Milan", "Levi", "Luuk", "Thijs", "Jesse", "Ruben",
	"Thomas", "Tim", "Bas", "Niels", "Mark", "Erik", "Martijn", "Jeroen", "Sander", "Rob",
	"Frank", "Ahmed", "Mohamed", "Youssef", "Mehmet", "Emre", "Ricardo", "Sven", "Wouter", "Stijn",
	"Joost", "Koen", "Arjen", "Hans", "Theo", "Ad", "Piet", "Gijs", "Floris", "Jasper",
}

var femaleNames = []string{
	"Maria", "Anna", "Johanna", "Cornelia", "Elisabeth", "Emma", "Julia", "Sophie", "Tess", "Sanne",
	"Lotte", "Fleur", "Eva", "Lisa", "Anouk", "Iris", "Femke", "Marloes", "Inge", "Ingrid",
	"Petra", "Monique", "Linda", "Sandra", "Esther", "Karin", "Marieke", "Annemiek", "Wilma", "Els",
	"Ria", "Tineke", "Fatima", "Samira", "Aisha", "Ayşe", "Naima", "Noor", "Zoë", "Mila",
	"Sara", "Lieke", "Nina", "Roos", "Hanneke", "Yvonne", "Jolanda", "Ilse", "Kim", "Chantal",
}

// surname is a geslachtsnaam with its voorvoegsel.
type surname struct{ voorvoegsel, naam string }

var surnames = []surname{
	{"de", "Jong"}, {"", "Jansen"}, {"de", "Vries"}, {"van den", "Berg"}, {"van", "Dijk"},
	{"", "Bakker"}, {"", "Janssen"}, {"", "Visser"}, {"", "Smit"}, {"", "Meijer"},
	{"de", "Boer"}, {"", "Mulder"}, {"de", "Groot"}, {"", "Bos"}, {"", "Vos"},
	{"", "Peters"}, {"", "Hendriks"}, {"van", "Leeuwen"}, {"", "Dekker"}, {"", "Brouwer"},
	{"de", "Wit"}, {"", "Dijkstra"}, {"", "Smits"}, {"de", "Graaf"}, {"van der", "Meer"},
	{"van der", "Linden"}, {"", "Kok"}, {"", "Jacobs"}, {"de", "Haan"}, {"", "Vermeulen"},
	{"van den", "Heuvel"}, {"van der", "Veen"}, {"van den", "Broek"}, {"de", "Bruijn"}, {"van der", "Heijden"},
	{"", "Schouten"}, {"van", "Beek"}, {"", "Willems"}, {"van", "Vliet"}, {"van de", "Ven"},
	{"", "Hoekstra"}, {"", "Maas"}, {"", "Verhoeven"}, {"", "Koster"}, {"van", "Dam"},
	{"van der", "Wal"}, {"", "Prins"}, {"", "Blom"}, {"", "Huisman"}, {"", "Peeters"},
	{"de", "Leeuw"}, {"", "Kuipers"}, {"van", "Wijk"}, {"", "Postma"}, {"", "Kramer"},
	{"van den", "Bosch"}, {"", "Yılmaz"}, {"", "El Amrani"}, {"", "Kaya"}, {"", "Öztürk"},
	{"", "Bouzid"}, {"", "Tahiri"}, {"", "Pinas"}, {"", "Wong"}, {"", "Nguyen"},
	{"", "Sardjoe"}, {"ter", "Horst"}, {"", "Hermans"}, {"", "Evers"}, {"in 't", "Veld"},
	{"van", "Rijn"}, {"", "Martens"}, {"", "Claassen"}, {"", "Timmermans"}, {"", "Gerritsen"},
	{"van", "Gils"}, {"", "Aarts"}, {"van", "Lierop"}, {"", "Verbeek"}, {"", "Raaijmakers"},
}

// place is a woonplaats with its postcode range (4-digit prefixes).
type place struct {
	naam    string
	pcFrom  int
	pcTo    int
	weight  int
	streets int // number of streets drawn for it
}

var places = []place{
	{"Dommelvoort", 5611, 5629, 55, 40},
	{"Heikant", 5641, 5643, 10, 15},
	{"Oosterbroek", 5645, 5647, 9, 15},
	{"Aalsterveld", 5651, 5652, 6, 10},
	{"Eindhoven", 5612, 5658, 6, 15},
	{"'s-Hertogenbosch", 5211, 5237, 3, 10},
	{"Tilburg", 5011, 5049, 3, 10},
	{"Helmond", 5701, 5709, 3, 10},
	{"Utrecht", 3511, 3585, 2, 10},
	{"Amsterdam", 1011, 1109, 2, 10},
	{"Rotterdam", 3011, 3089, 1, 10},
}

var streetNames = []string{
	"Kerkstraat", "Schoolstraat", "Molenstraat", "Dorpsstraat", "Stationsweg", "Julianastraat",
	"Beatrixstraat", "Wilhelminastraat", "Nieuwstraat", "Kastanjelaan", "Eikenlaan", "Beukenlaan",
	"Lindenlaan", "Berkenlaan", "Populierenlaan", "Esdoornstraat", "Merelstraat", "Lijsterstraat",
	"Vinkenstraat", "Zwaluwstraat", "Spoorstraat", "Marktstraat", "Markt", "Hoogstraat",
	"Prins Bernhardstraat", "Oranjestraat", "Emmastraat", "Parklaan", "Sportlaan", "Industrieweg",
	"Havenstraat", "Dommelstraat", "Rijnstraat", "Maasstraat", "Tulpstraat", "Rozenstraat",
	"Irisstraat", "Dahliastraat", "Akkerstraat", "Veldweg", "Heideweg", "Boschweg", "Hoofdstraat",
	"Burgemeester van Hooffstraat", "Van Goghstraat", "Rembrandtlaan", "Vermeerstraat", "Klaverstraat",
	"Weverstraat", "Smidsstraat", "Bakkerstraat", "Mozartlaan", "Beethovenstraat", "Kempenlaan",
	"Peellandstraat", "Brabantlaan", "Waterlelie", "Korenbloemstraat", "Leeuweriklaan", "Vlasakker",
}

// Company name parts.
var companyKinds = []string{
	"Bakkerij", "Installatiebedrijf", "Bouwbedrijf", "Transportbedrijf", "Schildersbedrijf",
	"Hoveniersbedrijf", "Autobedrijf", "Administratiekantoor", "Café", "Restaurant", "Kapsalon",
	"Stichting", "Vereniging", "Fysiotherapie", "Tandartspraktijk", "Adviesbureau", "Loonbedrijf",
	"Cateringbedrijf", "Evenementenbureau", "Dierenspeciaalzaak", "Fietsenmaker", "Slagerij",
	"Aannemersbedrijf", "Schoonmaakbedrijf", "Drukkerij",
}

var companyCores = []string{
	"De Molen", "Het Anker", "De Eik", "De Linde", "De Dommel", "Het Zuiden", "De Kempen", "Brabant",
	"De Zwaan", "Het Wapen", "De Hoeksteen", "De Kroon", "Groenrijk", "De Vaart", "Het Spoor",
	"De Ster", "Oranje", "De Toekomst", "Het Gilde", "De Roos", "De Vlijt", "De Akker", "Zuidwest",
	"Heikant", "Oosterbroek", "De Meent", "Het Veld", "De Brug", "De Sprong", "Horizon",
}

var companySuffixes = []string{" B.V.", " B.V.", " B.V.", " V.O.F.", "", " Holding B.V."}

var functies = []string{"directeur", "eigenaar", "office manager", "bedrijfsleider", "secretaris", "penningmeester", "administrateur"}

var aanmaakkanalen = []string{"website", "telefoon", "balie", "e-mail", "import"}
var aanmaakkanaalWeights = []int{40, 25, 15, 10, 10}

var emailDomains = []string{"example.nl", "example.com", "mail.example.nl", "post.example.nl"}

var areaCodes = []string{"040", "040", "040", "073", "013", "0492", "030", "020", "010", "0499"}

// Contactmoment channels and their weights.
var kanalen = []string{"telefoon", "e-mail", "balie", "webformulier", "chat", "brief", "social media"}
var kanaalWeights = []int{40, 20, 10, 15, 7, 5, 3}

// staffed reports whether a channel is handled live by a medewerker during
// office hours.
func staffed(kanaal int) bool { return kanaal == 0 || kanaal == 2 || kanaal == 4 }

var voorkeurskanalen = []string{"e-mail", "telefoon", "post", "balie"}
var voorkeurskanaalWeights = []int{50, 30, 15, 5}

// Texts of contactmomenten about no particular zaak.
var generalTexts = []string{
	"Klant belt met een vraag over de afvalkalender en het ophalen van grofvuil. Uitleg gegeven over het maken van een afspraak.",
	"Vraag over de aanslag gemeentelijke belastingen; uitgelegd hoe betalen in termijnen werkt.",
	"Klant wil een afspraak maken voor het aanvragen van een paspoort. Afspraak ingepland.",
	"Vraag over de openingstijden van het gemeentehuis en de balie Burgerzaken.",
	"Melding van een kapotte lantaarnpaal doorgezet naar de buitendienst.",
	"Informatie gevraagd over het aanvragen van een uittreksel uit de BRP; verwezen naar de website.",
	"Vraag over bezoekersparkeren in het centrum. Uitleg gegeven over de bezoekersapp.",
	"Klant heeft een klacht over de wachttijd aan de balie. Klacht genoteerd en doorgestuurd.",
	"Vraag over de energietoeslag; verwezen naar de informatie op de website.",
	"Klant vraagt om een nieuwe container voor papier. Aanvraag doorgezet naar de afvalinzameling.",
	"Klant vraagt om een terugbelverzoek door een medewerker van Vergunningen.",
	"Vraag over de levertijd van een rijbewijs. Uitgelegd dat het rijbewijs na vijf werkdagen klaarligt.",
	"Vraag over het kwijtschelden van de afvalstoffenheffing. Formulier toegestuurd.",
	"Klant meldt overlast van hangjongeren in het park. Doorgezet naar de wijkagent en de boa's.",
	"Vraag over het huwelijk op locatie. Informatie over de mogelijkheden gemaild.",
	"Klant wil weten wanneer de snoeiwerkzaamheden in de straat plaatsvinden.",
	"Vraag over de WOZ-waarde van de woning; uitgelegd hoe de waarde is bepaald.",
	"Klant geeft een gewijzigd telefoonnummer door. Gegevens bijgewerkt.",
	"Vraag over het aanmelden van een evenement in de wijk. Verwezen naar het evenementenloket.",
	"Klant vraagt naar de mogelijkheden voor hulp bij het invullen van formulieren. Verwezen naar het Informatiepunt Digitale Overheid.",
	"Melding van zwerfafval bij de glasbak aan de Markt doorgezet naar de reiniging.",
	"Vraag over de subsidie voor isolatie van de woning; informatie gemaild.",
	"Klant informeert naar de mogelijkheden van een gehandicaptenparkeerplaats voor de deur.",
	"Vraag over het inleveren van klein chemisch afval bij de milieustraat.",
}

// Texts of contactmomenten about a zaak; %s is the zaaktype's topic.
var zaakTexts = []string{
	"Klant vraagt naar de stand van zaken van %s. Uitgelegd dat de aanvraag in behandeling is.",
	"Aanvullende gegevens ontvangen voor %s; toegevoegd aan het dossier.",
	"Klant belt over het besluit op %s en wil een toelichting. Terugbelverzoek voor de behandelaar aangemaakt.",
	"Terugbelverzoek: klant heeft vragen over %s.",
	"Klant geeft aan dat de termijn voor %s is verstreken en vraagt om een reactie.",
	"Afspraak gemaakt voor een gesprek over %s.",
	"Ontvangstbevestiging van %s opnieuw per e-mail verstuurd.",
	"Klant wil bezwaar maken tegen het besluit over %s. Bezwaarprocedure uitgelegd.",
	"Klant vraagt welke documenten nog nodig zijn voor %s. Overzicht gemaild.",
	"Klant meldt dat de gegevens in %s onjuist zijn. Doorgezet naar de behandelaar.",
	"Behandelaar heeft klant teruggebeld over %s; vragen beantwoord.",
	"Klant vraagt of %s versneld kan worden afgehandeld. Uitgelegd dat de wettelijke termijn geldt.",
}

// Verzoek texts without a zaak.
var verzoekTexts = []string{
	"Verzoek om een kopie van mijn gegevens in de basisregistratie personen.",
	"Verzoek om uitstel van betaling van de gemeentelijke belastingen.",
	"Verzoek om een nieuwe afvalcontainer, de oude is beschadigd.",
	"Verzoek om verwijdering van een fietswrak voor mijn woning.",
	"Verzoek om inzage in mijn dossier (AVG-inzageverzoek).",
	"Verzoek om een gesprek over ondersteuning bij mijn financiën.",
	"Verzoek om aanpassing van de stoeprand bij mijn uitrit.",
	"Verzoek om terugbetaling van te veel betaalde leges.",
	"Verzoek om een afspraak met een consulent van het Sociaal Wijkteam.",
	"Verzoek om het snoeien van de boom voor mijn woning.",
}

// Verzoek texts about a zaak; %s is the zaaktype's topic.
var verzoekZaakTexts = []string{
	"Verzoek om informatie over de voortgang van %s.",
	"Verzoek om aanvulling van %s met bijgevoegde stukken.",
	"Verzoek om een afspraak over %s.",
	"Verzoek om heroverweging van het besluit op %s.",
	"Verzoek om intrekking van %s.",
}

var verzoekStatussen = []string{"ontvangen", "in_behandeling", "afgehandeld", "afgewezen", "ingetrokken"}
var verzoekStatusWeights = []int{15, 25, 45, 10, 5}

var rolToelichtingen = []string{
	"", "", "", "Aanvraag ingediend via het e-loket.", "Aanvraag ingediend via DigiD.",
	"Aanvraag ingediend aan de balie.", "Aanvraag ontvangen per post.",
}

var statusToelichtingen = []string{
	"", "", "", "", "Automatisch gezet bij registratie.", "Gezet door de behandelaar.",
	"Klant per e-mail geïnformeerd.", "Klant per brief geïnformeerd.",
}

var resultaatToelichtingen = []string{
	"", "", "Besluit verzonden per post.", "Besluit verzonden via de berichtenbox.", "Klant telefonisch geïnformeerd.",
}

// communicatiekanaalNamen name the entries of the VNG Referentielijsten API
// the zaken refer to; their URLs are derived from fixed UUIDs.
var communicatiekanaalNamen = []string{"e-formulier", "balie", "post", "e-mail", "telefoon"}
var communicatiekanaalWeights = []int{55, 15, 15, 10, 5}
