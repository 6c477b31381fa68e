from django.urls import path

from . import views

urlpatterns = [
    path("json", views.json_endpoint),
    path("db", views.db_endpoint),
]
