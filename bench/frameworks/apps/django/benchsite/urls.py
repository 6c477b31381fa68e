from django.urls import path

from . import views

urlpatterns = [
    path("plaintext", views.plaintext),
    path("serialization", views.serialization),
    path("single-query", views.single_query),
    path("multiple-queries", views.multiple_queries),
    path("fortunes", views.fortunes),
    path("updates", views.updates),
    path("user-lookup", views.user_lookup),
    path("order-totals", views.order_totals),
]
