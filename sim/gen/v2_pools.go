package gen

// String pools of the Klantinteracties data.

// generalOnderwerpen are the onderwerpen of klantcontacten about no zaak,
// one per entry of generalTexts (the inhoud).
var generalOnderwerpen = []string{
	"Afvalkalender en grofvuil",
	"Aanslag gemeentelijke belastingen",
	"Afspraak paspoort",
	"Openingstijden gemeentehuis",
	"Melding kapotte lantaarnpaal",
	"Uittreksel BRP",
	"Bezoekersparkeren centrum",
	"Klacht wachttijd balie",
	"Energietoeslag",
	"Nieuwe container oud papier",
	"Terugbelverzoek Vergunningen",
	"Levertijd rijbewijs",
	"Kwijtschelding afvalstoffenheffing",
	"Overlast hangjongeren",
	"Huwelijk op locatie",
	"Snoeiwerkzaamheden",
	"WOZ-waarde woning",
	"Wijziging telefoonnummer",
	"Evenement in de wijk",
	"Hulp bij formulieren",
	"Zwerfafval glasbak",
	"Subsidie isolatie woning",
	"Gehandicaptenparkeerplaats",
	"Klein chemisch afval",
}

// zaakOnderwerpen are onderwerpen of klantcontacten about a zaak; %s is the
// zaaktype's short name.
var zaakOnderwerpen = []string{
	"Vraag over %s",
	"Stand van zaken %s",
	"Aanvulling %s",
	"Terugbelverzoek %s",
	"Besluit %s",
	"Afspraak %s",
}

// reacties are the answers noted on some klantcontacten.
var reacties = []string{
	"Vraag direct beantwoord.",
	"Informatie per e-mail nagestuurd.",
	"Doorverbonden met de behandelaar.",
	"Klant verwezen naar de website.",
	"Terugbelverzoek aangemaakt.",
	"Afspraak ingepland.",
}

// gevraagdeHandelingen are the actions interne taken ask for.
var gevraagdeHandelingen = []string{
	"Terugbellen",
	"Terugbellen",
	"Informatie verstrekken",
	"E-mail sturen",
	"Afspraak inplannen",
	"Doorverwijzen naar behandelaar",
}

// taakToelichtingen explain interne taken.
var taakToelichtingen = []string{
	"Klant wil graag vandaag nog teruggebeld worden.",
	"Klant is bereikbaar na 14.00 uur.",
	"Graag contact opnemen over de vraag in het klantcontact.",
	"Klant heeft aanvullende vragen die het KCC niet kon beantwoorden.",
	"Klant verwacht een reactie per e-mail.",
	"",
}

// afdelingen are the organisatorische eenheden that receive interne taken.
var afdelingen = []struct{ code, naam, omschrijving string }{
	{"kcc", "Klantcontactcentrum", "Klantcontactcentrum van de gemeente"},
	{"vergunningen", "Vergunningen", "Team Vergunningen, Toezicht en Handhaving"},
	{"belastingen", "Belastingen", "Team Gemeentelijke Belastingen"},
	{"sociaal-domein", "Sociaal Domein", "Team Werk, Inkomen en Zorg"},
}

// medewerkerFuncties are the functies of medewerker actoren.
var medewerkerFuncties = []string{"KCC-medewerker", "KCC-medewerker", "Behandelaar", "Vergunningverlener", "Consulent"}
