"""Genre conventions of French newspapers (titles and kickers of the forms gj-dev's outlets print)."""

from __future__ import annotations

import pytest

from recoupe.stories.genre import Genre, genre_of, is_news


@pytest.mark.parametrize(
    ("title", "lead", "url", "genre"),
    [
        ("Éditorial. Lettre morte", "L'éditorial de Paule Masson Quel pied de nez !", None, Genre.OPINION),
        ("Le billet de maurice ulrich. Utile", "Comme on le sait, il n'a pas hésité.", None, Genre.OPINION),
        ("Coignard - Les contretemps du gouvernement", "Les mesures sont nécessaires.", None, Genre.OPINION),
        (
            "Michel Richard - Gilets jaunes : après la haine, la honte !",
            "Peu de responsables condamnent.",
            None,
            Genre.OPINION,
        ),
        ("Chronique d'un flic #9 - Violences policières : ma vérité", "VIDÉO. La crise a remis …", None, Genre.OPINION),
        (
            "Pourquoi ils haïssent à ce point le président",
            "FIGAROVOX/TRIBUNE - Le président suscite …",
            None,
            Genre.OPINION,
        ),
        (
            "Persévérance",
            "Tout ne va pas si mal.",
            "https://www.lefigaro.fr/vox/politique/2019/01/25/x.php",
            Genre.OPINION,
        ),
        (
            "« Le référendum n'est pas un remède miracle »",
            "Par Cécile Cukierman, sénatrice de la Loire, …",
            None,
            Genre.OPINION,
        ),
        (
            "Fabien Jobard « Face aux manifestants, l'emploi d'armes est disproportionné »",
            "Pour le sociologue …",
            None,
            Genre.INTERVIEW,
        ),
        (
            "Débat national : «Il y a une grande défiance»",
            "INTERVIEW - Pour le directeur de l'Ifop …",
            None,
            Genre.INTERVIEW,
        ),
        ("Table ronde. Quelles réponses à la crise démocratique ?", "Avec trois députés …", None, Genre.INTERVIEW),
        (
            "«Gilets jaunes acte X» : le replay de la journée du 19 janvier",
            "REPLAY - Les manifestants …",
            None,
            Genre.LIVE,
        ),
        ("Acte IX : suivez la journée", "EN DIRECT - Les manifestants se rassemblent à Paris.", None, Genre.LIVE),
        (
            "Comment faire pour participer au grand débat national ?",
            "FOCUS - Le premier ministre a précisé …",
            None,
            Genre.EXPLAINER,
        ),
        (
            "IGPN : au fait, c'est quoi la «police des polices» ?",
            "Particulièrement sollicitée …",
            None,
            Genre.EXPLAINER,
        ),
        (
            "Qui est François Boulo, l'avocat porte-parole à Rouen ?",
            "Mandaté, dit-il, par les occupants …",
            None,
            Genre.EXPLAINER,
        ),
        ("À la une ce samedi 5 janvier...", "Nouvelle mobilisation, manifestation en Hongrie …", None, Genre.DIGEST),
        (
            "SNCF, Facebook... Avez-vous bien suivi l'actualité en 2018 ?",
            "QUIZ - L'année a été riche.",
            None,
            Genre.DIGEST,
        ),
        ("À qui profite vraiment la crise ?", "ANALYSE. Le mouvement est-il plus proche de …", None, Genre.ANALYSIS),
    ],
)
def test_marked_genres(title: str, lead: str, url: str | None, genre: Genre) -> None:
    assert genre_of(title, lead, url) is genre


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Les «gilets jaunes» ont coûté 45 millions d'euros à Fnac Darty", "Le groupe assure que …"),
        ("Des «gilets jaunes» ont tenté d'investir le fort de Brégançon", "Plusieurs dizaines de manifestants …"),
        ("Taïwan Des « gilets jaunes » si loin si proches des Français", "Des manifestants taïwanais …"),
        ("Macron « déplore » les 11 morts en marge du mouvement", "En visite en Égypte, le chef de l'État …"),
        (
            "Les «foulards rouges», l'autre face de la France divisée",
            "REPORTAGE - Drapeaux brandis, 10.500 manifestants …",
        ),
        ("« Ici, on est tous blessés, mutilés, cassés »", "La détermination était palpable lors de l'acte XII."),
        ("Christophe Dettinger, un procès pour l'exemple ?", "Hier se tenait le procès de l'ex-boxeur."),
        ("Grand débat national : les Français sont sceptiques", "INFOGRAPHIE - Sept Français sur dix estiment …"),
        ("Le «gilet jaune» Éric Drouet arrêté à Paris", "VIDÉO - Interpellé mercredi soir près des Champs-Élysées …"),
        ("Liste «gilets jaunes» : deux défections", "LE SCAN POLITIQUE - Un candidat et le directeur de campagne …"),
        (
            "Christophe Castaner : « Aucun policier n'a attaqué des manifestants »",
            "VIDÉO. À Carcassonne, il a défendu …",
        ),
    ],
)
def test_reports_stay_news(title: str, lead: str) -> None:
    assert is_news(genre_of(title, lead))
