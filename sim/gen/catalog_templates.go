package gen

import "github.com/klantgraaf/klantgraaf/sim/data"

// catalogTemplate describes the catalogue of one zaaksysteem.
type catalogTemplate struct {
	domein      string // at most 5 characters
	naam        string
	beheerder   string
	zaakPrefix  string // prefix of zaak identificaties
	docPrefix   string // prefix of document identificaties
	ztNumber    int    // first number of the zaaktype identificaties
	iots        []iotTemplate
	zaaktypen   []ztTemplate
	geoShare    float64
	kenmerkBron string
}

type iotTemplate struct {
	omschrijving string
	categorie    string
	vert         data.Vertrouwelijkheid
	titel        string // document title; the zaaktype's short name is appended
	bestand      string // file name stem
	formats      []int  // indexes into docFormats
	byClient     bool   // documents of this type are usually supplied by the client
}

type ztTemplate struct {
	omschrijving  string
	short         string // short name for titles, e.g. "omgevingsvergunning"
	topic         string // used in texts: "%s" in "de stand van zaken van %s"
	doel          string
	aanleiding    string
	onderwerp     string
	hInit, hBeh   string // handelingInitiator / handelingBehandelaar, at most 20 characters
	doorlooptijd  string
	days          int
	vert          data.Vertrouwelijkheid
	intern        bool
	weight        int
	orgShare      float64 // share of zaken initiated by an organisation
	geo           bool
	trefwoorden   []string
	statussen     []stTemplate
	resultaten    []rtTemplate
	rollen        []rolTemplate
	eigenschappen []eigTemplate
	iots          []int    // indexes into the catalogue's iots
	zaakOmschr    []string // zaak omschrijving variants
	toelichting   []string
	kenmerk       string // prefix of a kenmerk number, "" = none
}

type stTemplate struct {
	omschrijving string
	generiek     string
	statustekst  string
	informeren   bool
}

type rtTemplate struct {
	omschrijving string // at most 30 characters
	generiek     string // a Selectielijst resultaattypeomschrijving
	archief      string // blijvend_bewaren | vernietigen
	termijn      string // archiefactietermijn
	weight       int
}

type rolTemplate struct{ omschrijving, generiek string }

type eigTemplate struct {
	naam      string // at most 20 characters
	definitie string
	formaat   string // tekst | getal | datum | datum_tijd
	lengte    string
	values    []string // tekst values; getal: min and max
}

// docFormat is a file format of documents.
type docFormat struct{ mime, ext string }

var docFormats = []docFormat{
	{"application/pdf", "pdf"},
	{"image/jpeg", "jpg"},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
	{"image/png", "png"},
	{"application/vnd.ms-outlook", "msg"},
}

// Generic resultaattypeomschrijvingen of the Selectielijst.
var resultaatGeneriek = []string{
	"Afgebroken", "Afgehandeld", "Afgewezen", "Beëindigd", "Gegrond", "Geweigerd", "Ingetrokken",
	"Niet ontvankelijk", "Ongegrond", "Toegekend", "Verleend", "Vastgesteld", "Verwerkt", "Gedeeltelijk toegekend",
}

var stdRollen = []rolTemplate{
	{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"}, {"Belanghebbende", "belanghebbende"},
}

// templateA is a general zaaksysteem: permits, public space, taxes and
// citizen affairs.
var templateA = catalogTemplate{
	domein: "ALG", naam: "Zaaktypecatalogus Dommelvoort", beheerder: "Functioneel beheer Zaken",
	zaakPrefix: "ZAAK", docPrefix: "DOCUMENT", ztNumber: 101, geoShare: 0.7, kenmerkBron: "",
	iots: []iotTemplate{
		{"Aanvraag", "Aanvraag", data.Zaakvertrouwelijk, "Aanvraagformulier", "aanvraagformulier", []int{0}, true},
		{"Bijlage bij aanvraag", "Bijlage", data.Zaakvertrouwelijk, "Bijlage", "bijlage", []int{0, 0, 1, 2}, true},
		{"Bouwtekening", "Tekening", data.Zaakvertrouwelijk, "Bouwtekening", "bouwtekening", []int{0}, true},
		{"Situatietekening", "Tekening", data.Zaakvertrouwelijk, "Situatietekening", "situatietekening", []int{0, 3}, true},
		{"Foto", "Foto", data.Intern, "Foto", "foto", []int{1, 1, 3}, true},
		{"Advies", "Advies", data.Intern, "Advies", "advies", []int{0, 2}, false},
		{"Besluit", "Besluit", data.Zaakvertrouwelijk, "Besluit", "besluit", []int{0}, false},
		{"Ontvangstbevestiging", "Brief", data.Zaakvertrouwelijk, "Ontvangstbevestiging", "ontvangstbevestiging", []int{0}, false},
		{"Correspondentie", "Brief", data.Zaakvertrouwelijk, "Brief", "brief", []int{0, 2, 4}, false},
		{"Bezwaarschrift", "Aanvraag", data.Zaakvertrouwelijk, "Bezwaarschrift", "bezwaarschrift", []int{0}, true},
		{"Taxatieverslag", "Rapport", data.Zaakvertrouwelijk, "Taxatieverslag", "taxatieverslag", []int{0}, false},
		{"Klachtbrief", "Brief", data.Zaakvertrouwelijk, "Klacht", "klacht", []int{0, 4}, true},
		{"Machtiging", "Formulier", data.Zaakvertrouwelijk, "Machtiging", "machtiging", []int{0}, true},
	},
	zaaktypen: []ztTemplate{
		{
			omschrijving: "Aanvraag omgevingsvergunning bouwen", short: "omgevingsvergunning", topic: "de aanvraag omgevingsvergunning",
			doel:       "Het beoordelen of een bouwactiviteit voldoet aan het omgevingsplan en de bouwregels, en het verlenen of weigeren van de omgevingsvergunning.",
			aanleiding: "Een initiatiefnemer dient via het Omgevingsloket een aanvraag in voor het bouwen van een bouwwerk.",
			onderwerp:  "Omgevingsvergunning", hInit: "Aanvragen", hBeh: "Behandelen", doorlooptijd: "P8W", days: 56,
			vert: data.BeperktOpenbaar, weight: 12, orgShare: 0.3, geo: true, trefwoorden: []string{"bouwen", "omgevingsvergunning", "Omgevingswet"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Ontvankelijkheid beoordeeld", "In behandeling", "Uw aanvraag is compleet en wordt inhoudelijk beoordeeld.", false},
				{"Advies gevraagd", "In behandeling", "Wij hebben advies gevraagd aan de commissie omgevingskwaliteit.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", true},
			},
			resultaten: []rtTemplate{
				{"Verleend", "Verleend", "blijvend_bewaren", "", 70},
				{"Geweigerd", "Geweigerd", "vernietigen", "P20Y", 12},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 10},
				{"Buiten behandeling gesteld", "Afgebroken", "vernietigen", "P1Y", 8},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"}, {"Belanghebbende", "belanghebbende"}, {"Welstandsadviseur", "adviseur"}, {"Beslisser", "beslisser"}},
			eigenschappen: []eigTemplate{
				{"Bouwkosten", "Geraamde bouwkosten in euro's.", "getal", "9", []string{"5000", "850000"}},
				{"Kadastraal perceel", "Kadastrale aanduiding van het perceel.", "tekst", "40", []string{"DMV00 K 1234", "DMV00 K 2381", "DMV01 L 877", "HKT00 A 412", "OBK00 C 1290"}},
				{"Datum start bouw", "Beoogde datum van de start van de bouw.", "datum", "8", nil},
			},
			iots:        []int{0, 1, 2, 3, 5, 6, 7},
			zaakOmschr:  []string{"Omgevingsvergunning bouwen woning", "Omgevingsvergunning dakkapel", "Omgevingsvergunning uitbouw", "Omgevingsvergunning bijgebouw", "Omgevingsvergunning verbouwing bedrijfspand", "Omgevingsvergunning zonnepanelen monument"},
			toelichting: []string{"", "Aanvraag ontvangen via het Omgevingsloket.", "Vooroverleg heeft plaatsgevonden."},
			kenmerk:     "OLO",
		},
		{
			omschrijving: "Aanvraag bewonersparkeervergunning", short: "parkeervergunning", topic: "de parkeervergunning",
			doel:       "Het verstrekken van een parkeervergunning aan bewoners van een gebied met betaald parkeren.",
			aanleiding: "Een bewoner vraagt een parkeervergunning aan voor een voertuig op zijn of haar naam.",
			onderwerp:  "Parkeervergunning", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P4W", days: 28,
			vert: data.Intern, weight: 10, orgShare: 0.05, trefwoorden: []string{"parkeren", "vergunning"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"In behandeling", "In behandeling", "Uw aanvraag wordt beoordeeld.", false},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", true},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P2Y", 85},
				{"Afgewezen", "Afgewezen", "vernietigen", "P2Y", 15},
			},
			rollen: stdRollen,
			eigenschappen: []eigTemplate{
				{"Kenteken", "Kenteken van het voertuig.", "tekst", "8", []string{"K-123-BD", "GH-876-K", "5-ZXT-72", "T-449-PL", "NB-31-FR", "J-908-SV", "8-KRN-54"}},
				{"Vergunninggebied", "Gebied waarvoor de vergunning geldt.", "tekst", "40", []string{"Centrum", "Stationskwartier", "Dommelkwartier", "Oude Haven"}},
			},
			iots:        []int{0, 1, 6, 8},
			zaakOmschr:  []string{"Bewonersparkeervergunning", "Bewonersparkeervergunning tweede auto", "Wijziging kenteken parkeervergunning"},
			toelichting: []string{"", "Aangevraagd via het e-loket."},
		},
		{
			omschrijving: "Melding openbare ruimte", short: "melding openbare ruimte", topic: "de melding openbare ruimte",
			doel:       "Het afhandelen van meldingen over gebreken en overlast in de openbare ruimte.",
			aanleiding: "Een inwoner of ondernemer meldt een gebrek of overlast in de openbare ruimte.",
			onderwerp:  "Openbare ruimte", hInit: "Melden", hBeh: "Afhandelen", doorlooptijd: "P2W", days: 14,
			vert: data.Openbaar, weight: 22, orgShare: 0.08, geo: true, trefwoorden: []string{"MOR", "buitenruimte"},
			statussen: []stTemplate{
				{"Gemeld", "Ontvangen", "Uw melding is ontvangen.", true},
				{"Ingepland", "In behandeling", "Uw melding is ingepland bij de buitendienst.", false},
				{"In uitvoering", "In behandeling", "Er wordt aan uw melding gewerkt.", false},
				{"Afgehandeld", "Afgehandeld", "Uw melding is afgehandeld.", true},
			},
			resultaten: []rtTemplate{
				{"Opgelost", "Afgehandeld", "vernietigen", "P1Y", 80},
				{"Doorverwezen", "Afgehandeld", "vernietigen", "P1Y", 12},
				{"Niet opgelost", "Afgebroken", "vernietigen", "P1Y", 8},
			},
			rollen: []rolTemplate{{"Melder", "initiator"}, {"Behandelaar", "behandelaar"}, {"Belanghebbende", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Categorie", "Categorie van de melding.", "tekst", "50", []string{"Straatverlichting", "Zwerfafval", "Losliggende tegels", "Groenonderhoud", "Verkeersbord", "Riolering", "Graffiti", "Fietswrak"}},
			},
			iots:        []int{4, 8},
			zaakOmschr:  []string{"Lantaarnpaal defect", "Zwerfafval bij speeltuin", "Losliggende stoeptegels", "Overhangende takken", "Verstopte kolk", "Graffiti op viaduct", "Fietswrak bij station", "Scheefstaand verkeersbord"},
			toelichting: []string{"", "Gemeld via de MijnGemeente-app.", "Gemeld via het webformulier."},
		},
		{
			omschrijving: "Bezwaar tegen WOZ-beschikking", short: "WOZ-bezwaar", topic: "het bezwaar tegen de WOZ-beschikking",
			doel:       "Het heroverwegen van de vastgestelde WOZ-waarde naar aanleiding van een bezwaarschrift.",
			aanleiding: "Een belanghebbende maakt bezwaar tegen de WOZ-beschikking op het aanslagbiljet.",
			onderwerp:  "WOZ-bezwaar", hInit: "Bezwaar maken", hBeh: "Heroverwegen", doorlooptijd: "P6W", days: 42,
			vert: data.Zaakvertrouwelijk, weight: 8, orgShare: 0.12, trefwoorden: []string{"WOZ", "bezwaar", "belastingen"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw bezwaarschrift is ontvangen.", true},
				{"In behandeling", "In behandeling", "Uw bezwaar wordt behandeld.", false},
				{"Taxatie herbeoordeeld", "In behandeling", "De taxatie van uw woning is opnieuw beoordeeld.", false},
				{"Uitspraak gedaan", "Afgehandeld", "Er is uitspraak gedaan op uw bezwaar.", true},
			},
			resultaten: []rtTemplate{
				{"Gegrond", "Gegrond", "vernietigen", "P10Y", 35},
				{"Ongegrond", "Ongegrond", "vernietigen", "P10Y", 50},
				{"Niet ontvankelijk", "Niet ontvankelijk", "vernietigen", "P10Y", 8},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 7},
			},
			rollen: []rolTemplate{{"Bezwaarmaker", "initiator"}, {"Behandelaar", "behandelaar"}, {"Gemachtigde", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"WOZ-waarde", "Vastgestelde WOZ-waarde in euro's.", "getal", "9", []string{"180000", "950000"}},
				{"Belastingjaar", "Belastingjaar van de beschikking.", "getal", "4", []string{"2024", "2025"}},
				{"WOZ-objectnummer", "Nummer van het WOZ-object.", "tekst", "12", []string{"077200012345", "077200023871", "077200034412", "077200045523", "077200051290"}},
			},
			iots:        []int{9, 10, 6, 7, 12},
			zaakOmschr:  []string{"Bezwaar WOZ-waarde woning", "Bezwaar WOZ-beschikking bedrijfspand", "Bezwaar WOZ-waarde via bureau"},
			toelichting: []string{"", "Bezwaar ingediend door een no-cure-no-pay-bureau."},
		},
		{
			omschrijving: "Aanvraag evenementenvergunning", short: "evenementenvergunning", topic: "de aanvraag evenementenvergunning",
			doel:       "Het beoordelen of een evenement veilig en zonder onevenredige overlast kan plaatsvinden.",
			aanleiding: "Een organisator vraagt een vergunning aan voor een evenement in de openbare ruimte.",
			onderwerp:  "Evenementen", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Openbaar, weight: 4, orgShare: 0.65, geo: true, trefwoorden: []string{"evenement", "APV"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Advies hulpdiensten", "In behandeling", "Politie, brandweer en GHOR geven advies.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", true},
			},
			resultaten: []rtTemplate{
				{"Verleend", "Verleend", "vernietigen", "P5Y", 85},
				{"Geweigerd", "Geweigerd", "vernietigen", "P5Y", 7},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 8},
			},
			rollen: []rolTemplate{{"Organisator", "initiator"}, {"Behandelaar", "behandelaar"}, {"Adviseur hulpdiensten", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Datum evenement", "Datum waarop het evenement plaatsvindt.", "datum", "8", nil},
				{"Aantal bezoekers", "Verwacht aantal bezoekers.", "getal", "6", []string{"50", "15000"}},
			},
			iots:        []int{0, 1, 3, 5, 6},
			zaakOmschr:  []string{"Evenementenvergunning braderie", "Evenementenvergunning buurtfeest", "Evenementenvergunning hardloopwedstrijd", "Evenementenvergunning kermis", "Evenementenvergunning koningsdag"},
			toelichting: []string{"", "Jaarlijks terugkerend evenement."},
		},
		{
			omschrijving: "Klacht over de gemeente", short: "klacht", topic: "uw klacht",
			doel:       "Het behandelen van een klacht over een gedraging van de gemeente volgens hoofdstuk 9 van de Awb.",
			aanleiding: "Een inwoner of ondernemer dient een klacht in over de manier waarop de gemeente heeft gehandeld.",
			onderwerp:  "Klachten", hInit: "Indienen", hBeh: "Behandelen", doorlooptijd: "P6W", days: 42,
			vert: data.Zaakvertrouwelijk, weight: 5, orgShare: 0.1, trefwoorden: []string{"klacht", "Awb"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw klacht is ontvangen.", true},
				{"In behandeling", "In behandeling", "Uw klacht wordt behandeld.", false},
				{"Afgehandeld", "Afgehandeld", "Uw klacht is afgehandeld.", true},
			},
			resultaten: []rtTemplate{
				{"Gegrond", "Gegrond", "vernietigen", "P1Y", 30},
				{"Ongegrond", "Ongegrond", "vernietigen", "P1Y", 45},
				{"Informeel afgehandeld", "Afgehandeld", "vernietigen", "P1Y", 20},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 5},
			},
			rollen: []rolTemplate{{"Klager", "initiator"}, {"Klachtbehandelaar", "behandelaar"}, {"Belanghebbende", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Afdeling", "Afdeling waarover geklaagd wordt.", "tekst", "50", []string{"Burgerzaken", "Belastingen", "Openbare Ruimte", "Vergunningen", "Sociaal Domein", "Klantcontactcentrum"}},
			},
			iots:        []int{11, 8},
			zaakOmschr:  []string{"Klacht over bejegening", "Klacht over afhandeltermijn", "Klacht over informatievoorziening", "Klacht over afvalinzameling"},
			toelichting: []string{"", "Klacht ontvangen via het klachtenformulier."},
		},
		{
			omschrijving: "Verhuizing binnen de gemeente", short: "verhuizing", topic: "uw verhuismelding",
			doel:       "Het verwerken van een adreswijziging in de basisregistratie personen.",
			aanleiding: "Een ingeschrevene meldt een verhuizing naar een nieuw adres binnen de gemeente.",
			onderwerp:  "Verhuizing", hInit: "Doorgeven", hBeh: "Verwerken", doorlooptijd: "P5D", days: 5,
			vert: data.Zaakvertrouwelijk, weight: 14, orgShare: 0, trefwoorden: []string{"BRP", "verhuizen"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw verhuizing is ontvangen.", true},
				{"Adresonderzoek", "In behandeling", "Wij onderzoeken de inschrijving op het nieuwe adres.", false},
				{"Verwerkt", "Afgehandeld", "Uw verhuizing is verwerkt.", true},
			},
			resultaten: []rtTemplate{
				{"Verwerkt", "Verwerkt", "vernietigen", "P1Y", 92},
				{"Afgewezen", "Afgewezen", "vernietigen", "P1Y", 8},
			},
			rollen: []rolTemplate{{"Aangever", "initiator"}, {"Behandelaar", "behandelaar"}, {"Medeverhuizer", "mede_initiator"}},
			eigenschappen: []eigTemplate{
				{"Verhuisdatum", "Datum van de verhuizing.", "datum", "8", nil},
				{"Aantal personen", "Aantal verhuizende personen.", "getal", "2", []string{"1", "6"}},
			},
			iots:        []int{0, 12},
			zaakOmschr:  []string{"Verhuizing binnen de gemeente", "Adreswijziging"},
			toelichting: []string{"", "Doorgegeven via Mijn Dommelvoort."},
		},
		{
			omschrijving: "Aanvraag omgevingsvergunning kappen", short: "kapvergunning", topic: "de kapvergunning",
			doel:       "Het beoordelen of een houtopstand mag worden geveld.",
			aanleiding: "Een eigenaar wil een of meer bomen vellen waarvoor een vergunning nodig is.",
			onderwerp:  "Kapvergunning", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Openbaar, weight: 4, orgShare: 0.2, geo: true, trefwoorden: []string{"bomen", "kappen"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Boomschouw", "In behandeling", "Een boomdeskundige beoordeelt de boom ter plaatse.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
			},
			resultaten: []rtTemplate{
				{"Verleend", "Verleend", "vernietigen", "P10Y", 70},
				{"Geweigerd", "Geweigerd", "vernietigen", "P10Y", 30},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"}, {"Boomdeskundige", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Aantal bomen", "Aantal te kappen bomen.", "getal", "3", []string{"1", "12"}},
				{"Boomsoort", "Soort van de boom.", "tekst", "40", []string{"Eik", "Beuk", "Berk", "Populier", "Esdoorn", "Linde"}},
			},
			iots:        []int{0, 3, 4, 5, 6},
			zaakOmschr:  []string{"Kappen eik in achtertuin", "Kappen bomen op bedrijfsterrein", "Kappen populieren langs perceel"},
			toelichting: []string{"", "Herplantplicht besproken met aanvrager."},
			kenmerk:     "OLO",
		},
		{
			omschrijving: "Aanvraag gehandicaptenparkeerkaart", short: "gehandicaptenparkeerkaart", topic: "de aanvraag gehandicaptenparkeerkaart",
			doel:       "Het verstrekken van een gehandicaptenparkeerkaart aan personen met een beperking.",
			aanleiding: "Een inwoner met een beperking vraagt een gehandicaptenparkeerkaart aan.",
			onderwerp:  "Gehandicaptenparkeren", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 3, orgShare: 0, trefwoorden: []string{"GPK", "parkeren"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Medische keuring", "In behandeling", "Er vindt een medische keuring plaats.", true},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P5Y", 75},
				{"Afgewezen", "Afgewezen", "vernietigen", "P5Y", 25},
			},
			rollen: stdRollen,
			eigenschappen: []eigTemplate{
				{"Soort kaart", "Soort gehandicaptenparkeerkaart.", "tekst", "20", []string{"Bestuurderskaart", "Passagierskaart"}},
			},
			iots:        []int{0, 1, 6, 7},
			zaakOmschr:  []string{"Gehandicaptenparkeerkaart bestuurder", "Gehandicaptenparkeerkaart passagier", "Verlenging gehandicaptenparkeerkaart"},
			toelichting: []string{""},
		},
		{
			omschrijving: "Aanvraag exploitatievergunning horeca", short: "exploitatievergunning", topic: "de exploitatievergunning",
			doel:       "Het beoordelen of een horecabedrijf geëxploiteerd mag worden, inclusief Bibob-toets.",
			aanleiding: "Een ondernemer vraagt een exploitatievergunning aan voor een horecabedrijf.",
			onderwerp:  "Horeca", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 3, orgShare: 0.9, geo: true, trefwoorden: []string{"horeca", "Bibob"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Bibob-toets", "In behandeling", "Er wordt een Bibob-onderzoek uitgevoerd.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Verleend", "Verleend", "vernietigen", "P10Y", 80},
				{"Geweigerd", "Geweigerd", "vernietigen", "P10Y", 10},
				{"Buiten behandeling gesteld", "Afgebroken", "vernietigen", "P1Y", 10},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Behandelaar", "behandelaar"}, {"Bibob-adviseur", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Sluitingstijd", "Sluitingstijd in het weekend.", "tekst", "5", []string{"00:00", "01:00", "02:00", "03:00"}},
				{"Aantal zitplaatsen", "Aantal zitplaatsen binnen.", "getal", "4", []string{"10", "250"}},
			},
			iots:        []int{0, 1, 3, 5, 6},
			zaakOmschr:  []string{"Exploitatievergunning café", "Exploitatievergunning restaurant", "Wijziging leidinggevende horeca"},
			toelichting: []string{"", "Aanvraag ontvangen via het ondernemersloket."},
			kenmerk:     "KVK",
		},
		{
			omschrijving: "Verzoek kwijtschelding gemeentelijke belastingen", short: "kwijtschelding", topic: "het verzoek om kwijtschelding",
			doel:       "Het beoordelen of een belastingplichtige recht heeft op kwijtschelding van gemeentelijke belastingen.",
			aanleiding: "Een belastingplichtige met een laag inkomen verzoekt om kwijtschelding.",
			onderwerp:  "Kwijtschelding", hInit: "Verzoeken", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 6, orgShare: 0, trefwoorden: []string{"kwijtschelding", "belastingen"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw verzoek is ontvangen.", true},
				{"Inkomenstoets", "In behandeling", "Uw inkomen en vermogen worden getoetst.", false},
				{"Besluit genomen", "Afgehandeld", "Er is een besluit genomen op uw verzoek.", true},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P5Y", 60},
				{"Gedeeltelijk toegekend", "Gedeeltelijk toegekend", "vernietigen", "P5Y", 15},
				{"Afgewezen", "Afgewezen", "vernietigen", "P5Y", 25},
			},
			rollen: stdRollen,
			eigenschappen: []eigTemplate{
				{"Belastingjaar", "Belastingjaar waarvoor kwijtschelding wordt gevraagd.", "getal", "4", []string{"2024", "2025"}},
				{"Aanslagnummer", "Nummer van de aanslag.", "tekst", "12", []string{"2024.0012345", "2024.0087612", "2025.0004521", "2025.0031876"}},
			},
			iots:        []int{0, 1, 6, 8},
			zaakOmschr:  []string{"Kwijtschelding afvalstoffenheffing", "Kwijtschelding gemeentelijke belastingen", "Kwijtschelding rioolheffing"},
			toelichting: []string{"", "Automatische kwijtschelding via het Inlichtingenbureau."},
		},
	},
}

// templateB is a social-domain zaaksysteem.
var templateB = catalogTemplate{
	domein: "SOC", naam: "Zaaktypecatalogus Sociaal Domein Dommelvoort", beheerder: "Applicatiebeheer Sociaal Domein",
	zaakPrefix: "SD", docPrefix: "SD-DOC", ztNumber: 201, geoShare: 0.02, kenmerkBron: "Suite Sociaal Domein",
	iots: []iotTemplate{
		{"Aanvraagformulier", "Aanvraag", data.Zaakvertrouwelijk, "Aanvraagformulier", "aanvraagformulier", []int{0}, true},
		{"Bewijsstuk inkomen", "Bewijsstuk", data.Vertrouwelijk, "Loonstrook", "loonstrook", []int{0, 1}, true},
		{"Bankafschrift", "Bewijsstuk", data.Vertrouwelijk, "Bankafschrift", "bankafschrift", []int{0}, true},
		{"Medische verklaring", "Advies", data.Confidentieel, "Medisch advies", "medisch-advies", []int{0}, false},
		{"Gespreksverslag", "Verslag", data.Zaakvertrouwelijk, "Verslag keukentafelgesprek", "gespreksverslag", []int{2, 0}, false},
		{"Onderzoeksverslag", "Rapport", data.Zaakvertrouwelijk, "Onderzoeksverslag", "onderzoeksverslag", []int{0, 2}, false},
		{"Beschikking", "Besluit", data.Zaakvertrouwelijk, "Beschikking", "beschikking", []int{0}, false},
		{"Ontvangstbevestiging", "Brief", data.Zaakvertrouwelijk, "Ontvangstbevestiging", "ontvangstbevestiging", []int{0}, false},
		{"Correspondentie", "Brief", data.Zaakvertrouwelijk, "Brief", "brief", []int{0, 2, 4}, false},
		{"Machtiging", "Formulier", data.Zaakvertrouwelijk, "Machtiging", "machtiging", []int{0}, true},
		{"Plan van aanpak", "Plan", data.Zaakvertrouwelijk, "Plan van aanpak", "plan-van-aanpak", []int{2, 0}, false},
		{"Bezwaarschrift", "Aanvraag", data.Zaakvertrouwelijk, "Bezwaarschrift", "bezwaarschrift", []int{0}, true},
	},
	zaaktypen: []ztTemplate{
		{
			omschrijving: "Aanvraag Wmo-maatwerkvoorziening", short: "Wmo-voorziening", topic: "de aanvraag Wmo-voorziening",
			doel:       "Het vaststellen of een inwoner een maatwerkvoorziening nodig heeft om zelfredzaam te blijven en te participeren.",
			aanleiding: "Een inwoner of diens mantelzorger meldt een hulpvraag bij het Wmo-loket.",
			onderwerp:  "Wmo-voorziening", hInit: "Melden", hBeh: "Onderzoeken", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 20, trefwoorden: []string{"Wmo", "maatwerkvoorziening"},
			statussen: []stTemplate{
				{"Melding ontvangen", "Ontvangen", "Uw melding is ontvangen.", true},
				{"Keukentafelgesprek", "In behandeling", "Een consulent komt bij u langs voor een gesprek.", true},
				{"Onderzoeksverslag", "In behandeling", "Het verslag van het onderzoek is opgesteld.", false},
				{"Aanvraag ontvangen", "In behandeling", "Uw aanvraag is ontvangen.", true},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P10Y", 75},
				{"Afgewezen", "Afgewezen", "vernietigen", "P10Y", 15},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 10},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Wmo-consulent", "behandelaar"}, {"Mantelzorger", "belanghebbende"}, {"Medisch adviseur", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Soort voorziening", "Soort maatwerkvoorziening.", "tekst", "50", []string{"Huishoudelijke ondersteuning", "Rolstoel", "Woningaanpassing", "Begeleiding individueel", "Regiotaxi", "Scootmobiel"}},
				{"Indicatie uren", "Geïndiceerd aantal uren per week.", "getal", "3", []string{"1", "8"}},
			},
			iots:        []int{0, 3, 4, 5, 6, 7, 9},
			zaakOmschr:  []string{"Wmo huishoudelijke ondersteuning", "Wmo woningaanpassing", "Wmo scootmobiel", "Wmo begeleiding", "Wmo vervoersvoorziening"},
			toelichting: []string{"", "Melding via het Sociaal Wijkteam.", "Herindicatie na afloop vorige indicatie."},
		},
		{
			omschrijving: "Aanvraag bijzondere bijstand", short: "bijzondere bijstand", topic: "de aanvraag bijzondere bijstand",
			doel:       "Het beoordelen of een inwoner recht heeft op bijzondere bijstand voor noodzakelijke kosten.",
			aanleiding: "Een inwoner vraagt een vergoeding aan voor bijzondere, noodzakelijke kosten.",
			onderwerp:  "Bijzondere bijstand", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 14, trefwoorden: []string{"Participatiewet", "bijstand"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"In behandeling", "In behandeling", "Uw aanvraag wordt beoordeeld.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P7Y", 60},
				{"Afgewezen", "Afgewezen", "vernietigen", "P7Y", 30},
				{"Buiten behandeling gesteld", "Afgebroken", "vernietigen", "P1Y", 10},
			},
			rollen: stdRollen,
			eigenschappen: []eigTemplate{
				{"Gevraagd bedrag", "Gevraagd bedrag in euro's.", "getal", "6", []string{"50", "3500"}},
				{"Kostensoort", "Soort kosten.", "tekst", "50", []string{"Bewindvoering", "Eigen risico zorgverzekering", "Inrichtingskosten", "Tandartskosten", "Reiskosten ziekenhuisbezoek"}},
			},
			iots:        []int{0, 1, 2, 6, 7, 8},
			zaakOmschr:  []string{"Bijzondere bijstand bewindvoering", "Bijzondere bijstand inrichting", "Bijzondere bijstand tandartskosten", "Bijzondere bijstand eigen risico"},
			toelichting: []string{"", "Aanvraag via het digitale formulier."},
		},
		{
			omschrijving: "Schuldhulpverlening", short: "schuldhulpverlening", topic: "het traject schuldhulpverlening",
			doel:       "Het bieden van schuldhulpverlening volgens de Wet gemeentelijke schuldhulpverlening.",
			aanleiding: "Een inwoner met problematische schulden meldt zich voor hulp.",
			onderwerp:  "Schuldhulpverlening", hInit: "Aanmelden", hBeh: "Begeleiden", doorlooptijd: "P12W", days: 84,
			vert: data.Vertrouwelijk, weight: 8, trefwoorden: []string{"schulden", "Wgs"},
			statussen: []stTemplate{
				{"Aanmelding", "Ontvangen", "Uw aanmelding is ontvangen.", true},
				{"Intakegesprek", "In behandeling", "Er is een intakegesprek gepland.", true},
				{"Stabilisatie", "In behandeling", "Uw financiële situatie wordt gestabiliseerd.", false},
				{"Schuldregeling", "In behandeling", "Er wordt een schuldregeling aangeboden aan uw schuldeisers.", true},
				{"Nazorg", "In behandeling", "U ontvangt nazorg.", false},
				{"Afgerond", "Afgehandeld", "Het traject is afgerond.", true},
			},
			resultaten: []rtTemplate{
				{"Schuldregeling getroffen", "Vastgesteld", "vernietigen", "P7Y", 45},
				{"Doorverwezen", "Afgehandeld", "vernietigen", "P7Y", 25},
				{"Voortijdig beëindigd", "Beëindigd", "vernietigen", "P7Y", 30},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Schuldhulpverlener", "behandelaar"}, {"Partner", "mede_initiator"}, {"Bewindvoerder", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Schuldbedrag", "Totale schuld in euro's bij aanmelding.", "getal", "7", []string{"1500", "85000"}},
				{"Aantal schuldeisers", "Aantal schuldeisers.", "getal", "3", []string{"1", "25"}},
			},
			iots:        []int{0, 1, 2, 4, 10, 8},
			zaakOmschr:  []string{"Schuldhulpverlening", "Schuldhulpverlening gezin", "Schuldhulpverlening ondernemer"},
			toelichting: []string{"", "Aangemeld via Vroegsignalering."},
		},
		{
			omschrijving: "Aanvraag leerlingenvervoer", short: "leerlingenvervoer", topic: "de aanvraag leerlingenvervoer",
			doel:       "Het beoordelen of een leerling recht heeft op een voorziening voor leerlingenvervoer.",
			aanleiding: "Een ouder of verzorger vraagt leerlingenvervoer aan voor een kind.",
			onderwerp:  "Leerlingenvervoer", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 6, trefwoorden: []string{"onderwijs", "vervoer"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"In behandeling", "In behandeling", "Uw aanvraag wordt beoordeeld.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P5Y", 80},
				{"Afgewezen", "Afgewezen", "vernietigen", "P5Y", 20},
			},
			rollen: []rolTemplate{{"Ouder of verzorger", "initiator"}, {"Behandelaar", "behandelaar"}, {"Leerling", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Schooljaar", "Schooljaar waarvoor vervoer wordt aangevraagd.", "tekst", "9", []string{"2023-2024", "2024-2025", "2025-2026"}},
				{"Vervoersvorm", "Toegekende of gevraagde vervoersvorm.", "tekst", "50", []string{"Aangepast vervoer", "Vergoeding openbaar vervoer", "Fietsvergoeding", "Eigen vervoer"}},
			},
			iots:        []int{0, 3, 6, 7},
			zaakOmschr:  []string{"Leerlingenvervoer speciaal onderwijs", "Leerlingenvervoer basisschool", "Leerlingenvervoer vergoeding OV"},
			toelichting: []string{"", "Aanvraag voor het nieuwe schooljaar."},
		},
		{
			omschrijving: "Aanvraag bijstandsuitkering levensonderhoud", short: "bijstandsuitkering", topic: "de aanvraag bijstandsuitkering",
			doel:       "Het vaststellen van het recht op algemene bijstand voor levensonderhoud.",
			aanleiding: "Een inwoner zonder toereikend inkomen vraagt een bijstandsuitkering aan.",
			onderwerp:  "Bijstandsuitkering", hInit: "Aanvragen", hBeh: "Onderzoeken", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 10, trefwoorden: []string{"Participatiewet", "uitkering"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Zoektermijn", "In behandeling", "De zoektermijn van vier weken loopt.", true},
				{"Rechtmatigheidsonderzoek", "In behandeling", "Uw aanvraag wordt onderzocht.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen op uw aanvraag.", true},
				{"Afgehandeld", "Afgehandeld", "Uw aanvraag is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P7Y", 65},
				{"Afgewezen", "Afgewezen", "vernietigen", "P7Y", 20},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 15},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Klantmanager", "behandelaar"}, {"Partner", "mede_initiator"}},
			eigenschappen: []eigTemplate{
				{"Leefvorm", "Leefvorm van de aanvrager.", "tekst", "30", []string{"Alleenstaande", "Gehuwden", "Alleenstaande ouder"}},
				{"Ingangsdatum", "Gevraagde ingangsdatum.", "datum", "8", nil},
			},
			iots:        []int{0, 1, 2, 5, 6, 7, 8},
			zaakOmschr:  []string{"Aanvraag algemene bijstand", "Aanvraag bijstand na WW", "Aanvraag bijstand jongere"},
			toelichting: []string{"", "Melding via werk.nl ontvangen."},
		},
		{
			omschrijving: "Toewijzing jeugdhulp", short: "jeugdhulp", topic: "de toewijzing van jeugdhulp",
			doel:       "Het toewijzen van een individuele voorziening jeugdhulp.",
			aanleiding: "Ouders, de jeugdige of een verwijzer vragen om jeugdhulp.",
			onderwerp:  "Jeugdhulp", hInit: "Aanvragen", hBeh: "Toewijzen", doorlooptijd: "P8W", days: 56,
			vert: data.Vertrouwelijk, weight: 8, trefwoorden: []string{"Jeugdwet"},
			statussen: []stTemplate{
				{"Melding ontvangen", "Ontvangen", "Uw melding is ontvangen.", true},
				{"Gesprek gevoerd", "In behandeling", "Het gesprek met het jeugdteam heeft plaatsgevonden.", false},
				{"Besluit genomen", "Besluit genomen", "Er is een besluit genomen.", true},
				{"Afgehandeld", "Afgehandeld", "De toewijzing is afgehandeld.", false},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P15Y", 85},
				{"Afgewezen", "Afgewezen", "vernietigen", "P15Y", 15},
			},
			rollen: []rolTemplate{{"Aanvrager", "initiator"}, {"Jeugdconsulent", "behandelaar"}, {"Jeugdige", "belanghebbende"}, {"Verwijzer", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Soort jeugdhulp", "Soort jeugdhulp.", "tekst", "50", []string{"Ambulante begeleiding", "Dagbehandeling", "Logeeropvang", "Pleegzorg", "Jeugd-GGZ"}},
			},
			iots:        []int{0, 3, 4, 6, 10},
			zaakOmschr:  []string{"Jeugdhulp ambulante begeleiding", "Jeugdhulp dagbehandeling", "Jeugdhulp via huisarts"},
			toelichting: []string{"", "Verwijzing door de huisarts."},
		},
		{
			omschrijving: "Aanvraag individuele inkomenstoeslag", short: "inkomenstoeslag", topic: "de aanvraag individuele inkomenstoeslag",
			doel:       "Het verstrekken van een toeslag aan inwoners die langdurig van een laag inkomen rondkomen.",
			aanleiding: "Een inwoner met een langdurig laag inkomen vraagt de toeslag aan.",
			onderwerp:  "Inkomenstoeslag", hInit: "Aanvragen", hBeh: "Beoordelen", doorlooptijd: "P8W", days: 56,
			vert: data.Zaakvertrouwelijk, weight: 6, trefwoorden: []string{"minima"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw aanvraag is ontvangen.", true},
				{"Beoordeling", "In behandeling", "Uw aanvraag wordt beoordeeld.", false},
				{"Besluit genomen", "Afgehandeld", "Er is een besluit genomen op uw aanvraag.", true},
			},
			resultaten: []rtTemplate{
				{"Toegekend", "Toegekend", "vernietigen", "P7Y", 70},
				{"Afgewezen", "Afgewezen", "vernietigen", "P7Y", 30},
			},
			rollen: stdRollen,
			eigenschappen: []eigTemplate{
				{"Peiljaar", "Peiljaar van de toeslag.", "getal", "4", []string{"2024", "2025"}},
			},
			iots:        []int{0, 1, 2, 6},
			zaakOmschr:  []string{"Individuele inkomenstoeslag"},
			toelichting: []string{""},
		},
		{
			omschrijving: "Bezwaar besluit sociaal domein", short: "bezwaar", topic: "uw bezwaar",
			doel:       "Het heroverwegen van een besluit in het sociaal domein naar aanleiding van een bezwaarschrift.",
			aanleiding: "Een belanghebbende maakt bezwaar tegen een besluit op grond van de Wmo, Jeugdwet of Participatiewet.",
			onderwerp:  "Bezwaar sociaal domein", hInit: "Bezwaar maken", hBeh: "Heroverwegen", doorlooptijd: "P12W", days: 84,
			vert: data.Zaakvertrouwelijk, weight: 4, trefwoorden: []string{"bezwaar", "Awb"},
			statussen: []stTemplate{
				{"Ontvangen", "Ontvangen", "Uw bezwaarschrift is ontvangen.", true},
				{"Hoorzitting", "In behandeling", "U wordt uitgenodigd voor een hoorzitting.", true},
				{"Advies commissie", "In behandeling", "De bezwaarcommissie heeft advies uitgebracht.", false},
				{"Beslissing op bezwaar", "Afgehandeld", "Er is een beslissing op uw bezwaar genomen.", true},
			},
			resultaten: []rtTemplate{
				{"Gegrond", "Gegrond", "vernietigen", "P10Y", 25},
				{"Ongegrond", "Ongegrond", "vernietigen", "P10Y", 50},
				{"Niet ontvankelijk", "Niet ontvankelijk", "vernietigen", "P10Y", 10},
				{"Ingetrokken", "Ingetrokken", "vernietigen", "P1Y", 15},
			},
			rollen: []rolTemplate{{"Bezwaarmaker", "initiator"}, {"Jurist", "behandelaar"}, {"Gemachtigde", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Datum besluit", "Datum van het bestreden besluit.", "datum", "8", nil},
			},
			iots:        []int{11, 4, 6, 7, 9},
			zaakOmschr:  []string{"Bezwaar besluit Wmo", "Bezwaar besluit Participatiewet", "Bezwaar besluit Jeugdwet"},
			toelichting: []string{"", "Pro-formabezwaar, gronden nagestuurd."},
		},
		{
			omschrijving: "Inburgering", short: "inburgering", topic: "uw inburgering",
			doel:       "Het begeleiden van inburgeringsplichtigen volgens de Wet inburgering 2021.",
			aanleiding: "Een inburgeringsplichtige wordt door DUO aangemeld bij de gemeente.",
			onderwerp:  "Inburgering", hInit: "Aanmelden", hBeh: "Begeleiden", doorlooptijd: "P10W", days: 70,
			vert: data.Zaakvertrouwelijk, weight: 4, trefwoorden: []string{"Wi2021", "PIP"},
			statussen: []stTemplate{
				{"Aangemeld", "Ontvangen", "U bent aangemeld voor inburgering.", true},
				{"Brede intake", "In behandeling", "De brede intake heeft plaatsgevonden.", false},
				{"PIP vastgesteld", "In behandeling", "Uw persoonlijk plan inburgering is vastgesteld.", true},
				{"Afgerond", "Afgehandeld", "Het inburgeringstraject is afgerond.", true},
			},
			resultaten: []rtTemplate{
				{"Afgerond", "Afgehandeld", "vernietigen", "P10Y", 70},
				{"Ontheffing verleend", "Toegekend", "vernietigen", "P10Y", 15},
				{"Beëindigd", "Beëindigd", "vernietigen", "P10Y", 15},
			},
			rollen: []rolTemplate{{"Inburgeraar", "initiator"}, {"Klantregisseur", "behandelaar"}, {"Taalaanbieder", "adviseur"}},
			eigenschappen: []eigTemplate{
				{"Leerroute", "Gekozen leerroute.", "tekst", "20", []string{"B1-route", "Onderwijsroute", "Z-route"}},
			},
			iots:        []int{4, 10, 6, 8},
			zaakOmschr:  []string{"Inburgering B1-route", "Inburgering onderwijsroute", "Inburgering Z-route"},
			toelichting: []string{"", "Aanmelding ontvangen van DUO."},
		},
		{
			omschrijving: "Re-integratietraject", short: "re-integratie", topic: "uw re-integratietraject",
			doel:       "Het begeleiden van uitkeringsgerechtigden naar werk.",
			aanleiding: "Een uitkeringsgerechtigde start een traject richting werk.",
			onderwerp:  "Re-integratie", hInit: "Aanmelden", hBeh: "Begeleiden", doorlooptijd: "P26W", days: 182,
			vert: data.Zaakvertrouwelijk, weight: 5, trefwoorden: []string{"werk", "re-integratie"},
			statussen: []stTemplate{
				{"Aanmelding", "Ontvangen", "U bent aangemeld.", true},
				{"Intake", "In behandeling", "Het intakegesprek heeft plaatsgevonden.", false},
				{"Traject gestart", "In behandeling", "Uw traject is gestart.", true},
				{"Evaluatie", "In behandeling", "Het traject wordt geëvalueerd.", false},
				{"Afgerond", "Afgehandeld", "Het traject is afgerond.", true},
			},
			resultaten: []rtTemplate{
				{"Uitstroom naar werk", "Afgehandeld", "vernietigen", "P5Y", 40},
				{"Traject beëindigd", "Beëindigd", "vernietigen", "P5Y", 60},
			},
			rollen: []rolTemplate{{"Deelnemer", "initiator"}, {"Werkcoach", "behandelaar"}, {"Werkgever", "belanghebbende"}},
			eigenschappen: []eigTemplate{
				{"Traject", "Soort traject.", "tekst", "50", []string{"Werkervaringsplaats", "Sollicitatietraining", "Jobcoaching", "Scholing"}},
				{"Startdatum traject", "Datum waarop het traject is gestart.", "datum", "8", nil},
			},
			iots:        []int{4, 10, 8},
			zaakOmschr:  []string{"Re-integratie werkervaringsplaats", "Re-integratie jobcoaching", "Re-integratie scholing"},
			toelichting: []string{""},
		},
	},
}

var catalogTemplates = []*catalogTemplate{&templateA, &templateB}
